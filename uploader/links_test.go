package uploader

import (
	"errors"
	"strings"
	"testing"
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
	if err := WriteOutcomesCSV(&b, outs, "https://s7d9.scene7.com/is/image/Acme/"); err != nil {
		t.Fatal(err)
	}
	want := "file,asset ID,outcome,message,link\n" +
		"img/hero 1.jpg,hero 1,processed,ok,https://s7d9.scene7.com/is/image/Acme/hero%201\n" +
		"'=cmd.psb,'=cmd,failed,\"PSB, not supported\",\n" +
		"b.tif,b,warnings,w,https://s7d9.scene7.com/is/image/Acme/b\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := WriteOutcomesCSV(&b, outs[:1], ""); err != nil || !strings.HasSuffix(b.String(), "processed,ok,\n") {
		t.Errorf("without a base: %q %v", b.String(), err)
	}
}
