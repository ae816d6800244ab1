package sheet

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// A file starts with the byte-order mark, then the rows as encoding/csv writes them; a
// cell that a spreadsheet would take for a formula is made text.
func TestWriterStartsWithTheBOM(t *testing.T) {
	var b bytes.Buffer
	w, err := NewWriter(&b, ',')
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range [][]string{{"file", "message"}, {Cell("=SUM(A1).jpg"), Cell("写真, café")}, {Cell("-x"), Cell("a=b")}} {
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	want := "\xEF\xBB\xBFfile,message\n'=SUM(A1).jpg,\"写真, café\"\n'-x,a=b\n"
	if b.String() != want {
		t.Errorf("got %q\nwant %q", b.String(), want)
	}
	for _, in := range []string{b.String(), strings.TrimPrefix(b.String(), BOM)} {
		recs, err := NewReader(strings.NewReader(in)).ReadAll()
		if err != nil || !reflect.DeepEqual(recs[0], []string{"file", "message"}) || len(recs) != 3 {
			t.Errorf("read back %q: %q %v", in, recs, err)
		}
	}
	if recs, err := NewReader(strings.NewReader("")).ReadAll(); err != nil || len(recs) != 0 {
		t.Errorf("empty file: %q %v", recs, err)
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriterSaysWhenTheBOMCannotBeWritten(t *testing.T) {
	if _, err := NewWriter(failing{}, ','); err == nil || err.Error() != "disk full" {
		t.Errorf("error %v", err)
	}
}

// In French the cells are separated by semicolons, as Excel on a French PC expects, and
// a cell holding one is quoted; read back with the same separator, nothing changes.
func TestSeparatorFollowsTheLanguage(t *testing.T) {
	for lang, want := range map[string]rune{"fr": ';', "fr-CA": ';', "FR": ';', "en": ',', "ja": ',', "": ','} {
		if got := languageSeparator(lang); got != want {
			t.Errorf("languageSeparator(%q) = %q, want %q", lang, got, want)
		}
	}
	var b bytes.Buffer
	w, err := NewWriter(&b, languageSeparator("fr"))
	if err != nil {
		t.Fatal(err)
	}
	rec := []string{"été/a;b.jpg", "1,5 Mo", Cell("=x")}
	if err := w.Write(rec); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	if want := BOM + "\"été/a;b.jpg\";1,5 Mo;'=x\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	r := NewReader(&b)
	r.Comma = ';'
	if got, err := r.Read(); err != nil || !reflect.DeepEqual(got, []string{"été/a;b.jpg", "1,5 Mo", "'=x"}) {
		t.Errorf("read back %q %v", got, err)
	}
}

// A list separator from the regional settings is used when it is one character a CSV can
// be split at; anything else people may have typed there is not.
func TestUsableSeparator(t *testing.T) {
	for _, c := range []struct {
		in   string
		want rune
		ok   bool
	}{
		{",", ',', true}, {";", ';', true}, {"\t", '\t', true}, {"|", '|', true}, {"、", '、', true},
		{"", 0, false}, {";;", 0, false}, {`"`, 0, false}, {"\n", 0, false}, {"\r", 0, false}, {"\x00", 0, false}, {"\xff", 0, false},
	} {
		if got, ok := usableSeparator(c.in); got != c.want || ok != c.ok {
			t.Errorf("usableSeparator(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	// Without a regional separator (here, outside Windows) the language's is used.
	if regionSeparator() == "" && (ListSeparator("fr-FR") != ';' || ListSeparator("ja") != ',') {
		t.Errorf("ListSeparator: fr %q, ja %q", ListSeparator("fr-FR"), ListSeparator("ja"))
	}
}
