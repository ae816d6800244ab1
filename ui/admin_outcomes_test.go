package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoist/uploader"
)

// After reading a job's log, the Admin tab shows what Scene7 made of each asset it names.
func TestAdminShowsWhatScene7MadeOfEachFile(t *testing.T) {
	e := newTestEnv(t)
	e.remote.logs = []uploader.JobLog{{JobName: "spring", JobHandle: "h|4", Details: []uploader.LogDetail{
		{LogType: "UploadSuccess", AssetName: "c/hero.jpg", LogMessage: "File uploaded"},
		{LogType: "UploadError", AssetName: "c/poster.psb", LogMessage: "PSB files are not supported"},
		{LogType: "UploadWarning", AssetName: "c/notes.pdf", LogMessage: "Fonts substituted"},
		{LogType: "Info", LogMessage: "Job finished"},
	}}}
	e.w.Tabs.SelectIndex(tabAdmin)
	a := e.w.Admin
	a.handle.SetText("h|4")
	test.Tap(a.showLog)
	type row struct{ rel, outcome, message string }
	want := []row{
		{"c/hero.jpg", "Ready", "File uploaded"},
		{"c/poster.psb", "Failed in Scene7", "PSB files are not supported"},
		{"c/notes.pdf", "Ready, with warnings", "Fonts substituted"},
	}
	if len(a.outcomes.outs) != len(want) {
		t.Fatalf("outcomes %+v", a.outcomes.outs)
	}
	for i, w := range want {
		o := a.outcomes.outs[i]
		if got := (row{o.Rel, outcomeWord(o.Outcome), o.Message}); got != w {
			t.Errorf("row %d: %+v, want %+v", i, got, w)
		}
	}
	// The table shows them: its column titles, and each cell as the table fills it.
	tb := a.outcomes.table
	if rows, cols := tb.Length(); rows != len(want) || cols != 3 {
		t.Errorf("table of %d×%d", rows, cols)
	}
	for c, title := range []string{"File or asset", "What Scene7 made of it", "Scene7's message"} {
		if !labelled(tb, title) {
			t.Errorf("no column title %q", title)
		}
		l := tb.CreateCell()
		tb.UpdateCell(widget.TableCellID{Row: 1, Col: c}, l)
		if got := l.(*pathLabel).Text; got != [...]string{want[1].rel, want[1].outcome, want[1].message}[c] {
			t.Errorf("row 1, column %d shows %q", c, got)
		}
	}
	// Another connection forgets the table with the log.
	a.SetConnection(scene7Profile("Brand NA"))
	if len(a.outcomes.outs) != 0 {
		t.Errorf("outcomes kept after a change of connection: %+v", a.outcomes.outs)
	}
}

// Two files of the job became the same asset: the Admin table has a row for each, by
// path, and the one the other replaced says so and by which file.
func TestAdminShowsAFileReplacedInItsJob(t *testing.T) {
	e := newTestEnv(t)
	e.remote.logs = []uploader.JobLog{{JobName: "spring", JobHandle: "h|5", Details: []uploader.LogDetail{
		{LogType: "UploadSuccess", AssetName: "hero", LogMessage: "w/a/hero.png was processed into IPS"},
		{LogType: "FileUpdated", AssetName: "hero", LogMessage: "w/b/hero.png was processed into IPS as asset hero, replacing w/a/hero.png"},
	}}}
	e.w.Tabs.SelectIndex(tabAdmin)
	a := e.w.Admin
	a.handle.SetText("h|5")
	test.Tap(a.showLog)
	if outs := a.outcomes.outs; len(outs) != 2 || outs[0].Rel != "w/a/hero.png" || outs[1].Rel != "w/b/hero.png" {
		t.Fatalf("outcomes %+v", outs)
	}
	tb := a.outcomes.table
	for c, want := range []string{"w/a/hero.png", "Replaced by a later file", "w/b/hero.png"} {
		l := tb.CreateCell()
		tb.UpdateCell(widget.TableCellID{Row: 0, Col: c}, l)
		if got := l.(*pathLabel).Text; !strings.Contains(got, want) {
			t.Errorf("column %d shows %q, want %q in it", c, got, want)
		}
	}
}

// A name Scene7 kept with a control character (another client sent it) shows escaped, as
// the command line writes it, in the table and in the list of jobs: a line break would
// hide the rest of the cell.
func TestAdminWritesTheServersNamesEscaped(t *testing.T) {
	e := newTestEnv(t)
	e.remote.logs = []uploader.JobLog{{JobName: "spring", JobHandle: "h|6", Details: []uploader.LogDetail{
		{LogType: "UploadError", AssetName: "a\nb", LogMessage: "w/a\nb.psb could not be processed"},
	}}}
	e.w.Tabs.SelectIndex(tabAdmin)
	a := e.w.Admin
	a.handle.SetText("h|6")
	test.Tap(a.showLog)
	tb := a.outcomes.table
	for c, want := range []string{`"w/a\nb.psb"`, "Failed in Scene7", `w/a\nb.psb could not be processed`} {
		l := tb.CreateCell()
		tb.UpdateCell(widget.TableCellID{Row: 0, Col: c}, l)
		if got := l.(*pathLabel).Text; got != want {
			t.Errorf("column %d shows %q, want %q", c, got, want)
		}
	}
	if strings.Contains(a.logText.Text, "a\nb") || !strings.Contains(a.logText.Text, `"a\nb": w/a\nb.psb could not be processed`) {
		t.Errorf("the log's lines:\n%s", a.logText.Text)
	}
	line := jobLine(uploader.ActiveJob{Name: "spring\u202e", State: "Running", JobHandle: "j|1||spring\u202e|2", ProgressMessage: "1\r2"})
	for _, want := range []string{`"spring\u202e"`, `"j|1||spring\u202e|2"`, `1\r2`} {
		if !strings.Contains(line, want) || strings.ContainsAny(line, "\u202e\r") {
			t.Errorf("job line %q: want %q in it, and no raw control", line, want)
		}
	}
}

// A long path in the Admin table keeps its file name, shortened in its middle as in the
// queue: cut at its end, the cell showed "campaign/spring-2026/social/in…", the folders
// without the file, and nothing in the table reads it whole.
func TestAdminTableKeepsTheFileNameOfALongPath(t *testing.T) {
	e := newTestEnv(t)
	long := "campaign/spring-2026/social/instagram-story-3.png"
	e.remote.logs = []uploader.JobLog{{JobName: "spring", JobHandle: "h|6", Details: []uploader.LogDetail{
		{LogType: "UploadSuccess", AssetName: long, LogMessage: "processed into IPS"},
	}}}
	e.w.Win.Resize(fyne.NewSize(1024, 640))
	e.w.Tabs.SelectIndex(tabAdmin)
	a := e.w.Admin
	a.handle.SetText("h|6")
	test.Tap(a.showLog)
	tb := a.outcomes.table
	c := tb.CreateCell()
	tb.UpdateCell(widget.TableCellID{Row: 0, Col: 0}, c)
	c.Resize(fyne.NewSize(outcomeColumns[0], c.MinSize().Height))
	var got string
	switch l := c.(type) {
	case *pathLabel:
		got = l.Text
	case *widget.Label:
		got = l.Text
	}
	if !strings.HasSuffix(got, "instagram-story-3.png") || !strings.Contains(got, "…") {
		t.Errorf("a %v-wide cell shows %q for %q: want it shortened, ending with the file name", outcomeColumns[0], got, long)
	}
}
