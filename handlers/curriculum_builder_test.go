package handlers

import (
	"net/url"
	"testing"
)

// The curriculum builder (issue 14, bug 4) refuses an item twice, in the
// API and on the page, counts a guide's two languages as one item, and
// removes only after a confirmation that names the item.
func TestCurriculumBuilderRules(t *testing.T) {
	s := newTestServer(t)
	mentor, other, _, _, _ := mentoringWorld(t, s)
	runScenarios(t, s, []scenario{
		{name: "a lab twice", method: "POST", url: "/api/v1/curricula", headers: mentor.auth(), wantStatus: 400,
			body:     map[string]any{"title": "Twice", "items": []map[string]string{{"kind": "lab", "ref": "filter-sort-orders"}, {"kind": "guide", "ref": "career-path"}, {"kind": "lab", "ref": "filter-sort-orders"}}},
			wantBody: apiError(`items[2]: lab "filter-sort-orders" is already in the curriculum, as items[0]`)},
		{name: "a guide in both languages", method: "POST", url: "/api/v1/curricula", headers: mentor.auth(), wantStatus: 400,
			body:     map[string]any{"title": "Both", "items": []map[string]string{{"kind": "guide", "ref": "career-path"}, {"kind": "guide", "ref": "career-path-ko"}}},
			wantBody: apiError(`items[1]: guide "career-path-ko" is already in the curriculum, as items[0]`)},
	})
	r := mentor.call("POST", "/api/v1/curricula", map[string]any{"title": "Week one", "items": []map[string]string{{"kind": "guide", "ref": "career-path"}, {"kind": "lab", "ref": "filter-sort-orders"}}})
	if r.status != 201 {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	cur := int64(r.json(t)["id"].(float64))
	browser := newClient(t, s)
	if r := browser.json("POST", "/api/v1/auth/login", map[string]string{"email": "mentor@example.com", "password": "correct horse battery"}, nil); r.status != 200 {
		t.Fatalf("cookie login: %d %s", r.status, r.body)
	}
	tok := browser.csrf()
	ko, _ := s.labs.Lab("filter-sort-orders").In("ko")
	koTitle := ko.Title
	items := curriculumURL(cur) + "/items"
	form := func(kv ...string) url.Values {
		v := url.Values{"_csrf": {tok}}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}
	at := func(query string) map[string]string {
		return map[string]string{"Location": curriculumURL(cur) + "?" + query + "#items"}
	}
	runScenarios(t, s, []scenario{
		{name: "add the Korean version of a guide that is in", client: browser, method: "POST", url: items, body: form("action", "add", "item", "guide:career-path-ko"), wantStatus: 303,
			wantHeaderIs: at("error=item_duplicate&item=guide%3Acareer-path-ko")},
		{name: "the refusal names the guide", client: browser, url: curriculumURL(cur) + "?error=item_duplicate&item=guide%3Acareer-path-ko", wantStatus: 200,
			want: []string{`data-flash="flash.item_duplicate"`, "“The data engineering career path” is already in this curriculum, so nothing was added."}},
		{name: "an unknown item", client: browser, method: "POST", url: items, body: form("action", "add", "item", "lab:no-such-lab"), wantStatus: 303,
			wantHeaderIs: map[string]string{"Location": curriculumURL(cur) + "?error=bad_input#items"}},
		{name: "a flash never shows an unknown item's name", client: browser, url: curriculumURL(cur) + "?msg=item_added&item=lab%3A%3Cscript%3E", wantStatus: 200,
			want: []string{`data-flash="flash.saved"`}, notWant: []string{"<script>", "&lt;script&gt;"}},
		{name: "add", client: browser, method: "POST", url: items, body: form("action", "add", "item", "lab:customers-without-orders"), wantStatus: 303,
			wantHeaderIs: at("msg=item_added&item=lab%3Acustomers-without-orders")},
		{name: "remove without the confirmation asks first", client: browser, method: "POST", url: items, body: form("action", "remove", "position", "1", "item", "lab:filter-sort-orders"), wantStatus: 303,
			wantHeaderIs: map[string]string{"Location": items + "/1/remove"}},
		{name: "the confirmation", client: browser, url: items + "/1/remove", wantStatus: 200,
			want: []string{"Remove this item?", "“Filter and sort March orders” will be removed from “Week one”.", `name="item" value="lab:filter-sort-orders"`, `name="confirm" value="yes"`, `name="_csrf"`}},
		{name: "the confirmation in Korean", client: browser, url: items + "/1/remove", headers: map[string]string{"Accept-Language": "ko"}, wantStatus: 200,
			want: []string{"이 항목을 뺄까요?", "“Week one”에서 “" + koTitle + "”을(를) 뺍니다."}, notWant: []string{"%!"}},
		{name: "another mentor's confirmation", url: items + "/1/remove", headers: other.auth(), wantStatus: 404, want: []string{"<h1>Page not found</h1>"}},
		{name: "another mentor removes", method: "POST", url: items, headers: other.auth(), body: url.Values{"action": {"remove"}, "position": {"1"}, "item": {"lab:filter-sort-orders"}, "confirm": {"yes"}}, wantStatus: 404,
			want: []string{"<h1>Page not found</h1>"}},
		// The list changed after the confirmation was shown: the lab moved
		// up, so position 1 is now another item. The lab goes, not its neighbour.
		{name: "move the lab up", client: browser, method: "POST", url: items, body: form("action", "up", "position", "1"), wantStatus: 303,
			wantHeaderIs: at("msg=item_moved&item=lab%3Afilter-sort-orders")},
		{name: "remove by a stale position", client: browser, method: "POST", url: items, body: form("action", "remove", "position", "1", "item", "lab:filter-sort-orders", "confirm", "yes"), wantStatus: 303,
			wantHeaderIs: at("msg=item_removed&item=lab%3Afilter-sort-orders")},
		{name: "the neighbour stays", client: browser, url: curriculumURL(cur), wantStatus: 200,
			want:    []string{`href="/guides/career-path">The data engineering career path</a>`, `href="/labs/customers-without-orders">Customers who never paid</a>`},
			notWant: []string{`href="/labs/filter-sort-orders">`}},
		{name: "remove it again", client: browser, method: "POST", url: items, body: form("action", "remove", "position", "0", "item", "lab:filter-sort-orders", "confirm", "yes"), wantStatus: 303,
			wantHeaderIs: at("error=item_gone&item=lab%3Afilter-sort-orders")},
		{name: "a confirmation past the end", client: browser, url: items + "/9/remove", wantStatus: 303,
			wantHeaderIs: map[string]string{"Location": curriculumURL(cur) + "?error=bad_input#items"}},
	})
}
