package session

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"hoist/internal/sheet"
	"hoist/internal/words"
	"hoist/uploader"
)

// The window's CSV files are for a person double-clicking them in Excel: they start with
// the byte-order mark, and their cells are separated as Excel expects on a PC in the
// window's language, a semicolon in French (the decimal sign there being the comma),
// a comma in English and Japanese. Column names and codes stay the same in every one.
func TestWindowCSVFilesFollowTheLanguage(t *testing.T) {
	defer words.Use(words.Current())
	at := time.Date(2026, 11, 22, 10, 0, 0, 0, time.Local)
	es := []Entry{{Time: at, Level: Warning, File: "été/a;b.jpg", Message: "x"}}
	outs := []uploader.FileOutcome{{Rel: "été/写真.jpg", AssetID: "写真", Outcome: uploader.Failed, Message: "1,5 Mo; trop"}}
	for _, c := range []struct {
		lang          string
		logs, outcome string
	}{
		{"fr", "time;level;source;file;message\n2026-11-22 10:00:00;warning;hoist;\"été/a;b.jpg\";x\n",
			"file;asset ID;outcome;message;link;replaced by\nété/写真.jpg;写真;failed;\"1,5 Mo; trop\";;\n"},
		{"ja", "time,level,source,file,message\n2026-11-22 10:00:00,warning,hoist,été/a;b.jpg,x\n",
			"file,asset ID,outcome,message,link,replaced by\nété/写真.jpg,写真,failed,\"1,5 Mo; trop\",,\n"},
		{"en", "time,level,source,file,message\n2026-11-22 10:00:00,warning,hoist,été/a;b.jpg,x\n",
			"file,asset ID,outcome,message,link,replaced by\nété/写真.jpg,写真,failed,\"1,5 Mo; trop\",,\n"},
	} {
		words.Use(c.lang)
		var b bytes.Buffer
		if err := WriteCSV(&b, es); err != nil {
			t.Fatal(err)
		}
		if b.String() != sheet.BOM+c.logs {
			t.Errorf("%s job log CSV %q, want %q", c.lang, b.String(), sheet.BOM+c.logs)
		}
		path := filepath.Join(t.TempDir(), "outcomes.csv")
		if err := SaveOutcomesCSV(path, outs, ""); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != sheet.BOM+c.outcome {
			t.Errorf("%s outcomes CSV %q %v, want %q", c.lang, got, err, sheet.BOM+c.outcome)
		}
		if !strings.HasPrefix(string(got), "\xEF\xBB\xBF") {
			t.Errorf("%s outcomes CSV without its byte-order mark", c.lang)
		}
	}
}

// Excel, opening the job log's CSV by double-click, reads its times by the PC's regional
// settings: "2026-11-22 23:59:59.987" stayed text in French Excel (a fraction of a second
// needs the region's decimal sign, a comma there). In every language the time is the
// year-month-day date and the 24-hour time to the second, which Excel reads as a date
// and time in France, Japan and the US alike; the second is not rounded up into the next
// day, and the text log keeps the milliseconds.
func TestJobLogCSVTimesAreDatesAndTimesForExcel(t *testing.T) {
	defer words.Use(words.Current())
	at := time.Date(2026, 11, 22, 23, 59, 59, 987_000_000, time.Local)
	es := []Entry{{Time: at, Level: Info, Message: "x"}, {Time: at.Add(2 * time.Millisecond), Level: Info, Message: "y"}}
	shape := regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$`)
	for _, lang := range []string{"en", "fr", "ja"} {
		words.Use(lang)
		var b bytes.Buffer
		if err := WriteCSV(&b, es); err != nil {
			t.Fatal(err)
		}
		r := sheet.NewReader(&b)
		r.Comma = sheet.ListSeparator(lang)
		rows, err := r.ReadAll()
		if err != nil || len(rows) != 3 {
			t.Fatalf("%s: %d rows, %v", lang, len(rows), err)
		}
		for _, row := range rows[1:] {
			if !shape.MatchString(row[0]) || row[0] != "2026-11-22 23:59:59" {
				t.Errorf("%s: time %q, want 2026-11-22 23:59:59 (a date and time for Excel in any region)", lang, row[0])
			}
		}
		if line := es[0].Line(); !strings.HasPrefix(line, "2026-11-22 23:59:59.987 ") {
			t.Errorf("%s: the text log's line %q lost its milliseconds", lang, line)
		}
	}
}
