package uploader

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// nfd is "été" as macOS writes it: e + combining acute accent.
const nfd = "e\u0301te\u0301"

func TestCleanFolder(t *testing.T) {
	cases := []struct {
		svc       Service
		in, want  string
		wantKind  NameProblem
		wantInErr string
	}{
		{Scene7, "/spring", "spring", 0, ""},
		{Scene7, "spring/", "spring", 0, ""},
		{Scene7, "  /spring/2026/  ", "spring/2026", 0, ""},
		{Scene7, `\spring\2026\`, "spring/2026", 0, ""},
		{Scene7, "spring//2026", "spring/2026", 0, ""},
		{Scene7, "/", "", 0, ""},
		{Scene7, "", "", 0, ""},
		{Scene7, "Campagne " + nfd + "/日本語", "Campagne été/日本語", 0, ""},
		{Scene7, `quotes "q" <&>`, `quotes "q" <&>`, 0, ""},
		{Scene7, "spring/../autumn", "", FolderDots, ".."},
		{Scene7, "./spring", "", FolderDots, "."},
		{Scene7, "spring\t2026", "", NameControl, "U+0009"},
		{Scene7, "spring\n", "spring", 0, ""}, // trailing white space, a line break included, is trimmed
		{Scene7, "spr\u0085ing", "", NameControl, "U+0085"},
		{DrSum, "/filer/campaign/", "/filer/campaign", 0, ""},
		{DrSum, `\filer\campaign\`, "/filer/campaign", 0, ""},
		{DrSum, "C:/DrSum57/test/", "C:/DrSum57/test", 0, ""},
		{DrSum, "/filer/" + nfd, "/filer/été", 0, ""},
	}
	for _, c := range cases {
		got, err := CleanFolder(c.svc, c.in)
		if c.wantKind == 0 {
			if err != nil || got != c.want {
				t.Errorf("CleanFolder(%s, %q) = %q, %v; want %q", c.svc, c.in, got, err, c.want)
			}
			continue
		}
		var ne *NameError
		if !errors.As(err, &ne) || ne.Kind != c.wantKind || !ne.Folder || !strings.Contains(ne.Error(), c.wantInErr) {
			t.Errorf("CleanFolder(%s, %q): error %v, want kind %d saying %q", c.svc, c.in, err, c.wantKind, c.wantInErr)
		}
	}
}

func TestCleanItemsNormalisesAndRefuses(t *testing.T) {
	in := []Item{
		{Path: "/a/" + nfd + ".jpg", Rel: "c/" + nfd + ".jpg", Size: 1},
		{Path: "/b/été.jpg", Rel: "c/été.jpg", Size: 1}, // the same name, composed
		{Path: "/a/tab", Rel: "c/a\tb.jpg", Size: 1},
		{Path: "/a/ok", Rel: `c/日本語 "q" <&>.jpg`, Size: 1},
	}
	out, refused := cleanItems(in)
	if in[0].Rel != "c/"+nfd+".jpg" {
		t.Fatal("cleanItems changed the caller's slice")
	}
	if out[0].Rel != "c/été.jpg" || refused[0] != nil {
		t.Errorf("item 0: %q %v", out[0].Rel, refused[0])
	}
	var ne *NameError
	if !errors.As(refused[1], &ne) || ne.Kind != NameSameAfterNFC || ne.Other != "/a/"+nfd+".jpg" {
		t.Errorf("item 1: %v", refused[1])
	}
	if !errors.As(refused[2], &ne) || ne.Kind != NameControl || ne.Char != '\t' || ne.Rel != "c/a\tb.jpg" {
		t.Errorf("item 2: %v", refused[2])
	}
	if refused[3] != nil || out[3].Rel != in[3].Rel {
		t.Errorf("item 3: %q %v", out[3].Rel, refused[3])
	}
}

// Paths already NFC and clean come back as they are, with no errors and no copy; a
// control character alone still sends the list through the full check.
func TestCleanItemsLeavesCleanItemsAlone(t *testing.T) {
	in := []Item{{Path: "/a/été.jpg", Rel: "c/été.jpg"}, {Path: "/a/q", Rel: `c/日本語 "q" <&>.jpg`}}
	out, refused := cleanItems(in)
	if &out[0] != &in[0] || refused != nil {
		t.Errorf("clean items copied (%v) or refused: %v", &out[0] != &in[0], refused)
	}
	in[1].Rel = "c/a\x7fb.jpg"
	out, refused = cleanItems(in)
	var ne *NameError
	if len(refused) != 2 || refused[0] != nil || !errors.As(refused[1], &ne) || ne.Kind != NameControl || len(out) != 2 {
		t.Errorf("a control character among clean paths: %v", refused)
	}
}

func TestAssetID(t *testing.T) {
	cases := map[string]string{
		"hero.jpg":                "hero",
		"spring/hero.png":         "hero",
		"a&b <c>.tif":             "ab c",
		`q"u'o{t}e%s?.jpg`:        "quotes",
		"x;y/z.jpg":               "z", // a slash is a folder in Rel
		"archive.tar.gz":          "archive.tar",
		".profile":                ".profile",
		"README":                  "README",
		nfd + ".jpg":              "été",
		"日本語/ポスター 1.psd":          "ポスター 1",
		"a:b@c=d+e$f,g*h|i\\.jpg": "abcdefghi",
	}
	for in, want := range cases {
		if got := AssetID(in); got != want {
			t.Errorf("AssetID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPreflight(t *testing.T) {
	rels := []string{
		"Campaign/hero.jpg", "Campaign/hero.png", // same asset
		"Campaign/a&b.tif", "Campaign/ab.tif", // same asset once & goes; a&b also renamed
		"spring/logo.tif", "autumn/logo.tif", // folders are not part of the ID
		"Campaign/Hero.jpg",         // IDs are case-sensitive: not hero
		"Campaign/notes.xyz",        // not processed
		"Campaign/Makefile",         // no extension
		"Campaign/big.PSB",          // Photoshop large documents are not processed
		"Campaign/été 日本.JPG",       // fine: letters of any language, upper-case extension
		"Campaign/<&>.gif",          // every character removed
		"Campaign/quotes \"q\".png", // renamed
	}
	var got []string
	for _, w := range Preflight(rels) {
		got = append(got, fmt.Sprintf("%s %s %q %s %s", w.Rel, w.Kind, w.AssetID, w.Other, w.Ext))
	}
	want := []string{
		`Campaign/hero.jpg same-asset "hero" Campaign/hero.png `,
		`Campaign/hero.png same-asset "hero" Campaign/hero.jpg `,
		`Campaign/a&b.tif same-asset "ab" Campaign/ab.tif `,
		`Campaign/a&b.tif characters-removed "ab"  `,
		`Campaign/ab.tif same-asset "ab" Campaign/a&b.tif `,
		`spring/logo.tif same-asset "logo" autumn/logo.tif `,
		`autumn/logo.tif same-asset "logo" spring/logo.tif `,
		`Campaign/notes.xyz unsupported-format "notes"  xyz`,
		`Campaign/Makefile unsupported-format "Makefile"  `,
		`Campaign/big.PSB unsupported-format "big"  PSB`,
		`Campaign/<&>.gif characters-removed ""  `,
		`Campaign/quotes "q".png characters-removed "quotes q"  `,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("warnings\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(Preflight([]string{"a.jpg", "b.jpg", "日本語.png"})) != 0 {
		t.Error("warnings for clean names")
	}
}

// The shortcut of cleanItems gives what the whole work gives, on random paths made of
// plain, accented (NFC and NFD), Japanese and control characters, repeated at random.
func TestCleanItemsShortcutAgreesWithTheWholeWork(t *testing.T) {
	pieces := []string{"a", "b/", "é", "e\u0301", "日本", "ポ", "\t", "\x7f", " ", `"`, "/c"}
	rng := rand.New(rand.NewPCG(3, 4))
	short := 0
	for range 2000 {
		items := make([]Item, 1+rng.IntN(6))
		for i := range items {
			var b strings.Builder
			for range 1 + rng.IntN(4) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			items[i] = Item{Path: "/x/" + b.String(), Rel: b.String(), Size: int64(i)}
			if j := rng.IntN(len(items)); j < i && rng.IntN(4) == 0 {
				items[i].Rel = items[j].Rel // the same path twice
			}
		}
		got, gotRefused := cleanItems(items)
		want, wantRefused := normaliseItems(items)
		if gotRefused == nil {
			short++
			if slices.ContainsFunc(wantRefused, func(err error) bool { return err != nil }) {
				t.Fatalf("%q: the shortcut refuses nothing, the whole work refuses %v", rels(items), wantRefused)
			}
			gotRefused = wantRefused
		}
		if !slices.Equal(got, want) || !reflect.DeepEqual(gotRefused, wantRefused) {
			t.Fatalf("%q: cleanItems %q %v, the whole work %q %v", rels(items), rels(got), gotRefused, rels(want), wantRefused)
		}
	}
	if short < 100 {
		t.Fatalf("only %d of 2,000 lists took the shortcut: the test does not exercise it", short)
	}
}
