package uploader

import (
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestNaturalCompare(t *testing.T) {
	// Each list is in natural order.
	for _, names := range [][]string{
		{"hero-1.jpg", "hero-2.jpg", "hero-10.jpg", "hero-11.jpg", "hero-100.jpg"},
		{"img1.png", "img01a.png", "img1a.png", "img2.png"}, // 1 = 01: ".png" < "a.png", then "01" < "1"
		{"a/1/x.jpg", "a/2/x.jpg", "a/10/x.jpg", "b/1.jpg"},
		{"v2.1.jpg", "v2.9.jpg", "v2.10.jpg", "v10.0.jpg"},
		{"01.jpg", "1.jpg", "002.jpg", "2.jpg"}, // equal values: byte order
		{"x.jpg", "x1.jpg", "x1a.jpg", "xa.jpg"},
		{"商品画像2.jpg", "商品画像10.jpg", "商品画像あ.jpg"},
		{"18446744073709551616.jpg", "99999999999999999999.jpg", "100000000000000000000.jpg"}, // beyond uint64
		{"", "0", "a"},
	} {
		for i := range names {
			for j := range names {
				want := 0
				if i < j {
					want = -1
				} else if i > j {
					want = 1
				}
				if got := naturalCompare(names[i], names[j]); got != want {
					t.Errorf("naturalCompare(%q, %q) = %d, want %d", names[i], names[j], got, want)
				}
			}
		}
	}
}

// A sort needs a total order: antisymmetric, transitive, 0 only for equal names; without
// digits it is byte order.
func TestNaturalCompareIsAnOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"0", "1", "2", "9", "a", "b", "-", "/", "é"}
	name := func() string {
		var b strings.Builder
		for range rng.IntN(7) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	names := make([]string, 400)
	for i := range names {
		names[i] = name()
	}
	slices.SortFunc(names, naturalCompare)
	for i := 1; i < len(names); i++ {
		if naturalCompare(names[i-1], names[i]) > 0 {
			t.Fatalf("%q sorted before %q", names[i-1], names[i])
		}
	}
	for range 20000 {
		a, b, c := name(), name(), name()
		ab, ba := naturalCompare(a, b), naturalCompare(b, a)
		if ab != -ba || (ab == 0) != (a == b) {
			t.Fatalf("%q, %q: %d and %d", a, b, ab, ba)
		}
		if ab < 0 && naturalCompare(b, c) < 0 && naturalCompare(a, c) >= 0 {
			t.Fatalf("not transitive: %q < %q < %q", a, b, c)
		}
		if !strings.ContainsAny(a+b, "0123456789") && ab != strings.Compare(a, b) {
			t.Fatalf("%q, %q: %d, byte order %d", a, b, ab, strings.Compare(a, b))
		}
	}
}

// A campaign's numbered files are walked, and so listed and sent, in number order.
func TestWalkListsNumbersInOrder(t *testing.T) {
	root := filepath.Join(t.TempDir(), "Campaign")
	writeTree(t, root, map[string]string{"hero-10.jpg": "j", "hero-2.jpg": "b", "hero-1.jpg": "a",
		"set 2/a.jpg": "c", "set 10/a.jpg": "d", "hero-2.jpg.tmp~/x": "e"})
	items, _ := Walk([]string{root})
	var got []string
	for _, it := range items {
		got = append(got, it.Rel)
	}
	want := "Campaign/hero-1.jpg Campaign/hero-2.jpg Campaign/hero-2.jpg.tmp~/x Campaign/hero-10.jpg Campaign/set 2/a.jpg Campaign/set 10/a.jpg"
	if strings.Join(got, " ") != want {
		t.Errorf("walked\n %s\nwant\n %s", strings.Join(got, " "), want)
	}
}
