package templates

// pluralRules give a language's plural category for a count, after CLDR:
// English says "1 row" and "2 rows"; Korean counts without a plural
// ("1행", "2행"), so every count is "other" there.
var pluralRules = map[string]func(n int) string{
	"en": func(n int) string {
		if n == 1 {
			return "one"
		}
		return "other"
	},
	"ko": func(int) string { return "other" },
}

// N returns the message for a count: key.one or key.other, as the
// language's plural rule picks, formatted with n and then args. A language
// without a rule, or a key without the category, falls back to key.other.
func (c *Catalog) N(lang, key string, n int, args ...any) string {
	cat := "other"
	if rule, ok := pluralRules[lang]; ok {
		cat = rule(n)
	}
	k := key + "." + cat
	if !c.Has(k) {
		k = key + ".other"
	}
	return c.T(lang, k, append([]any{n}, args...)...)
}
