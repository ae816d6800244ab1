package uploader

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"hoist/internal/sheet"
)

func TestPublishLink(t *testing.T) {
	for _, c := range []struct{ base, id, want string }{
		{"https://s7d9.scene7.com/is/image/Acme/", "hero", "https://s7d9.scene7.com/is/image/Acme/hero"},
		{"https://s7d9.scene7.com/is/image/Acme", "hero", "https://s7d9.scene7.com/is/image/Acme/hero"},
		{" https://s7d9.scene7.com/is/image/Acme/ ", "affiche été 2", "https://s7d9.scene7.com/is/image/Acme/affiche%20%C3%A9t%C3%A9%202"},
		{"https://s7d9.scene7.com/is/image/Acme/", "50%#a?b", "https://s7d9.scene7.com/is/image/Acme/50%25%23a%3Fb"},
		{"http://127.0.0.1:8080/is/image/Demo/", "x", "http://127.0.0.1:8080/is/image/Demo/x"},
	} {
		got, err := PublishLink(c.base, c.id)
		if err != nil || got != c.want {
			t.Errorf("PublishLink(%q, %q) = %q, %v; want %q", c.base, c.id, got, err, c.want)
		}
	}
	if _, err := PublishLink("", "x"); !errors.Is(err, ErrNoPublishBase) {
		t.Errorf("no base: %v", err)
	}
	for _, bad := range []string{"s7d9.scene7.com/is/image/Acme", "http://s7d9.scene7.com/is/image/Acme/", "ftp://x/", "https://x/is/image/A/?a=1", "https://u:p@x/"} {
		err := CheckPublishBase(bad)
		var pe *PublishBaseError
		if !errors.As(err, &pe) || pe.Problem == 0 || pe.Base != bad {
			t.Errorf("CheckPublishBase(%q) = %v", bad, err)
		}
		if _, err := PublishLink(bad, "x"); err == nil {
			t.Errorf("PublishLink(%q) made a link", bad)
		}
	}
}

func TestWriteOutcomesCSV(t *testing.T) {
	outs := []FileOutcome{
		{Rel: "img/hero 1.jpg", AssetID: "hero 1", Outcome: Processed, Message: "ok"},
		{Rel: "=cmd.psb", AssetID: "=cmd", Outcome: Failed, Message: "PSB, not supported"},
		{Rel: "b.tif", AssetID: "b", Outcome: Warnings, Message: "w"},
	}
	var b strings.Builder
	if err := WriteOutcomesCSV(&b, outs, "https://s7d9.scene7.com/is/image/Acme/", ','); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFfile,asset ID,outcome,message,link,replaced by\n" +
		"img/hero 1.jpg,hero 1,processed,ok,https://s7d9.scene7.com/is/image/Acme/hero%201,\n" +
		"'=cmd.psb,'=cmd,failed,\"PSB, not supported\",,\n" +
		"b.tif,b,warnings,w,https://s7d9.scene7.com/is/image/Acme/b,\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := WriteOutcomesCSV(&b, outs[:1], "", ','); err != nil || !strings.HasSuffix(b.String(), "processed,ok,,\n") {
		t.Errorf("without a base: %q %v", b.String(), err)
	}
}

// A replaced file's row names the later file of its job that replaced it, in a column of
// its own after the others (which keep their places), as safe for a spreadsheet as the
// file column: no formula, and a name with a line break stays in its cell.
func TestWriteOutcomesCSVReplacedBy(t *testing.T) {
	outs := []FileOutcome{
		{Rel: "w/a/hero.png", AssetID: "hero", Outcome: Replaced, LogType: "UploadSuccess",
			Message: "w/a/hero.png was processed into IPS", ReplacedBy: "w/b/hero.png"},
		{Rel: "w/b/hero.png", AssetID: "hero", Outcome: Processed, LogType: "FileUpdated",
			Message: "w/b/hero.png was processed into IPS as asset hero, replacing w/a/hero.png"},
		{Rel: "w/c/=x.png", AssetID: "=x", Outcome: Replaced, ReplacedBy: "=HYPERLINK(\"http://evil\")"},
		{Rel: "w/d/x.png", AssetID: "x", Outcome: Replaced, ReplacedBy: "-w/e/x\n2.png"},
		// ReplacedBy means nothing beside another outcome: no column says so.
		{Rel: "w/f.png", AssetID: "f", Outcome: Failed, Message: "bad", ReplacedBy: "w/g.png"},
	}
	var b strings.Builder
	if err := WriteOutcomesCSV(&b, outs, "https://s7d9.scene7.com/is/image/Acme/", ','); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), sheet.BOM) {
		t.Errorf("no byte-order mark: %q", b.String())
	}
	recs, err := sheet.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	want := [][]string{
		{"file", "asset ID", "outcome", "message", "link", "replaced by"},
		{"w/a/hero.png", "hero", "replaced", "w/a/hero.png was processed into IPS", "", "w/b/hero.png"},
		{"w/b/hero.png", "hero", "processed", "w/b/hero.png was processed into IPS as asset hero, replacing w/a/hero.png",
			"https://s7d9.scene7.com/is/image/Acme/hero", ""},
		{"w/c/=x.png", "'=x", "replaced", "", "", "'=HYPERLINK(\"http://evil\")"},
		{"w/d/x.png", "x", "replaced", "", "", "'-w/e/x\n2.png"},
		{"w/f.png", "f", "failed", "bad", "", ""},
	}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("got\n%q\nwant\n%q", recs, want)
	}
}
