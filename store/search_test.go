package store

import (
	"context"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

var searchFixture = []SearchDoc{
	{Kind: "guide", Ref: "query-performance", Lang: "en", Title: "Query performance", Summary: "Reading plans and pruning data.",
		Body: "Partitioning a table by date lets the engine skip files. A query that filters on the partition column reads less and does not scan the rest."},
	{Kind: "guide", Ref: "query-performance-ko", Lang: "ko", Title: "쿼리 성능", Summary: "실행 계획 읽기와 데이터 가지치기.",
		Body: "날짜로 파티션을 나누면 엔진이 파일을 건너뜁니다. 데이터웨어하우스에서 키 하나가 몰리면 작업이 늦어집니다."},
	{Kind: "lab", Ref: "partition-pruning-scan-cost", Lang: "en", Title: "How many partitions does each query read", Summary: "Count the partitions a dashboard scans.",
		Body: "Sum bytes per partition. Discounts of 5% or more are rare; NEAR(a, b) is FTS syntax written as text."},
	{Kind: "task", Ref: "sql-cost-standard-lead", Lang: "en", Title: "An SQL cost standard", Summary: "Write the team's standard.",
		Body: `Quote "exactly" and use * for all columns only in exploration. 50 percent of spend is one team.`},
	{Kind: "task", Ref: "sql-cost-standard-lead", Lang: "ko", Title: "SQL 비용 표준", Summary: "팀의 표준을 작성합니다.",
		Body: "모델 하나가 비용의 절반을 씁니다."},
}

// index fills s's search index with the fixture.
func index(t *testing.T, s *Store) {
	t.Helper()
	rebuilt, err := s.RebuildSearchIndex(context.Background(), searchFixture)
	if err != nil || !rebuilt {
		t.Fatalf("RebuildSearchIndex = %v, %v; want a rebuild", rebuilt, err)
	}
}

// hits is what a search found, as kind:ref:lang, best first.
func hits(t *testing.T, s *Store, q SearchQuery) ([]string, int) {
	t.Helper()
	docs, total, err := s.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%q): %v", q.Terms, err)
	}
	var out []string
	for _, d := range docs {
		out = append(out, d.Kind+":"+d.Ref+":"+d.Lang)
	}
	return out, total
}

func TestSearchFinds(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		index(t, s)
		tests := []struct {
			name  string
			q     SearchQuery
			want  []string
			total int
		}{
			{"an English word inside a longer one, the title match first",
				SearchQuery{Terms: []string{"partition"}},
				[]string{"lab:partition-pruning-scan-cost:en", "guide:query-performance:en"}, 2},
			{"case does not matter", SearchQuery{Terms: []string{"PRUNING"}},
				[]string{"guide:query-performance:en"}, 1},
			{"a Korean word with a particle attached (파티션을)", SearchQuery{Terms: []string{"파티션"}},
				[]string{"guide:query-performance-ko:ko"}, 1},
			{"a Korean word inside a compound (데이터웨어하우스)", SearchQuery{Terms: []string{"웨어하우스"}},
				[]string{"guide:query-performance-ko:ko"}, 1},
			{"every word must occur", SearchQuery{Terms: []string{"partition", "dashboard"}},
				[]string{"lab:partition-pruning-scan-cost:en"}, 1},
			{"a two-character Korean word, too short for trigrams", SearchQuery{Terms: []string{"모델"}},
				[]string{"task:sql-cost-standard-lead:ko"}, 1},
			{"a one-character Korean word", SearchQuery{Terms: []string{"키"}},
				[]string{"guide:query-performance-ko:ko"}, 1},
			{"a short English word: title matches, then summary matches, then the rest", SearchQuery{Terms: []string{"co"}},
				[]string{"task:sql-cost-standard-lead:en", "lab:partition-pruning-scan-cost:en", "guide:query-performance:en"}, 3},
			{"a short word with a long one", SearchQuery{Terms: []string{"키", "파일"}},
				[]string{"guide:query-performance-ko:ko"}, 1},
			{"one language only", SearchQuery{Terms: []string{"SQL"}, Lang: "ko"},
				[]string{"task:sql-cost-standard-lead:ko"}, 1},
			{"the preferred language first", SearchQuery{Terms: []string{"SQL"}, Prefer: "ko"},
				[]string{"task:sql-cost-standard-lead:ko", "task:sql-cost-standard-lead:en"}, 2},
			{"nothing matches", SearchQuery{Terms: []string{"kubernetes"}}, nil, 0},
			{"a second page", SearchQuery{Terms: []string{"partition"}, Limit: 1, Offset: 1},
				[]string{"guide:query-performance:en"}, 2},
			{"past the last page, the count is still right", SearchQuery{Terms: []string{"partition"}, Limit: 1, Offset: 5}, nil, 2},
			{"past the last page with a short term", SearchQuery{Terms: []string{"co"}, Limit: 2, Offset: 9}, nil, 3},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, total := hits(t, s, tt.q)
				if !reflect.DeepEqual(got, tt.want) || total != tt.total {
					t.Errorf("Search(%q) = %v (total %d), want %v (total %d)", tt.q.Terms, got, total, tt.want, tt.total)
				}
			})
		}
	})
}

// Whatever a user types is text: FTS5 query syntax and LIKE wildcards
// match only themselves, and no query is an error.
func TestSearchTreatsSyntaxAsText(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		index(t, s)
		tests := []struct {
			term string
			want []string
		}{
			{`"exactly"`, []string{"task:sql-cost-standard-lead:en"}},
			{`"`, []string{"task:sql-cost-standard-lead:en"}},
			{`"unclosed`, nil},
			{`*`, []string{"task:sql-cost-standard-lead:en"}},
			{`part*`, nil},
			{`NEAR(a,`, []string{"lab:partition-pruning-scan-cost:en"}},
			{`NEAR`, []string{"lab:partition-pruning-scan-cost:en"}},
			{`NEAR(partition`, nil},
			{`title:query`, nil},
			{`^query`, nil},
			{`-query`, nil},
			{`(`, []string{"lab:partition-pruning-scan-cost:en"}},
			{`)`, []string{"lab:partition-pruning-scan-cost:en"}},
			{`5%`, []string{"lab:partition-pruning-scan-cost:en"}},
			{`0%`, nil}, // "50 percent" must not match a LIKE wildcard
			{`%`, []string{"lab:partition-pruning-scan-cost:en"}},
			{`_`, nil},
			{`\`, nil},
			{`'`, []string{"task:sql-cost-standard-lead:en"}}, // the team's
			{`';--`, nil},
		}
		for _, tt := range tests {
			got, _ := hits(t, s, SearchQuery{Terms: []string{tt.term}})
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Search(%q) = %v, want %v", tt.term, got, tt.want)
			}
		}
		// FTS5's operators are words like any other.
		for _, op := range []string{"AND", "OR", "NOT"} {
			got, _ := hits(t, s, SearchQuery{Terms: []string{op}})
			want, _ := hits(t, s, SearchQuery{Terms: []string{strings.ToLower(op)}})
			if !reflect.DeepEqual(got, want) || len(got) == 0 {
				t.Errorf("Search(%q) = %v, want what %q finds: %v", op, got, strings.ToLower(op), want)
			}
		}
		// A query of only operators, and one mixing them, also answer.
		for _, terms := range [][]string{{"NEAR", "AND", "OR"}, {`"`, `*`, `(`}, {"partition", "NOT", "query"}} {
			if _, _, err := s.Search(context.Background(), SearchQuery{Terms: terms}); err != nil {
				t.Errorf("Search(%q): %v", terms, err)
			}
		}
	})
}

func TestSearchIndexRebuild(t *testing.T) {
	ctx := context.Background()
	eachEngine(t, func(t *testing.T, db testDB) {
		s := db.open(t, Options{})
		index(t, s)
		// The same documents: the index is kept.
		rebuilt, err := s.RebuildSearchIndex(ctx, searchFixture)
		if err != nil || rebuilt {
			t.Errorf("rebuild with the same documents = %v, %v; want it kept", rebuilt, err)
		}
		// Other documents replace the index whole: old ones are gone.
		changed := []SearchDoc{{Kind: "lab", Ref: "new-lab", Lang: "en", Title: "Kafka offsets", Summary: "s", Body: "b"}}
		if rebuilt, err := s.RebuildSearchIndex(ctx, changed); err != nil || !rebuilt {
			t.Fatalf("rebuild with other documents = %v, %v; want a rebuild", rebuilt, err)
		}
		if got, _ := hits(t, s, SearchQuery{Terms: []string{"partition"}}); got != nil {
			t.Errorf("after the rebuild, an old document is still found: %v", got)
		}
		if got, _ := hits(t, s, SearchQuery{Terms: []string{"kafka"}}); !reflect.DeepEqual(got, []string{"lab:new-lab:en"}) {
			t.Errorf("after the rebuild, the new document: %v", got)
		}
		// A restart keeps the index and its fingerprint.
		s.Close()
		s2 := db.open(t, Options{})
		if rebuilt, err := s2.RebuildSearchIndex(ctx, changed); err != nil || rebuilt {
			t.Errorf("after a restart with the same documents = %v, %v; want it kept", rebuilt, err)
		}
		if got, _ := hits(t, s2, SearchQuery{Terms: []string{"kafka"}}); !reflect.DeepEqual(got, []string{"lab:new-lab:en"}) {
			t.Errorf("after a restart: %v", got)
		}
		// A change of a single character is a different index.
		changed[0].Body = "c"
		if rebuilt, err := s2.RebuildSearchIndex(ctx, changed); err != nil || !rebuilt {
			t.Errorf("after a one-character change = %v, %v; want a rebuild", rebuilt, err)
		}
	})
}

// A rebuild that cannot run leaves the index it was to replace.
func TestSearchIndexRebuildIsOneTransaction(t *testing.T) {
	ctx := context.Background()
	eachStore(t, func(t *testing.T, s *Store) {
		index(t, s)
		cancelled, cancel := context.WithCancel(ctx)
		docs := append([]SearchDoc{}, searchFixture...)
		docs[0].Title = "changed"
		cancel()
		if _, err := s.RebuildSearchIndex(cancelled, docs); err == nil {
			t.Fatal("a rebuild with a cancelled context succeeded")
		}
		if got, _ := hits(t, s, SearchQuery{Terms: []string{"partition"}}); len(got) != 2 {
			t.Errorf("after a failed rebuild the old index answers %v, want its 2 documents", got)
		}
	})
}

// Replicas that start together on one database each rebuild the index at
// once: all succeed, exactly one rebuilds, and the index is whole.
func TestConcurrentSearchIndexRebuilds(t *testing.T) {
	ctx := context.Background()
	eachEngine(t, func(t *testing.T, db testDB) {
		stores := []*Store{db.open(t, Options{})}
		for i := 0; i < 3; i++ {
			stores = append(stores, db.open(t, Options{SkipMigrations: true}))
		}
		var wg sync.WaitGroup
		var rebuilt atomic.Int32
		errs := make(chan error, len(stores))
		start := make(chan struct{})
		for _, s := range stores {
			wg.Add(1)
			go func(s *Store) {
				defer wg.Done()
				<-start
				ok, err := s.RebuildSearchIndex(ctx, searchFixture)
				if err != nil {
					errs <- err
				} else if ok {
					rebuilt.Add(1)
				}
			}(s)
		}
		close(start)
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if rebuilt.Load() != 1 {
			t.Errorf("%d of %d concurrent rebuilds rebuilt the index, want exactly 1", rebuilt.Load(), len(stores))
		}
		if got, _ := hits(t, stores[3], SearchQuery{Terms: []string{"partition"}}); len(got) == 0 {
			t.Error("after concurrent rebuilds the index finds nothing")
		}
	})
}
