package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/internal/words"
	"hoist/uploader"
)

// The Admin tab is usable at 1024×640 and at 800×600, in every language: a job's log
// shows its table (title and rows) and its lines without scrolling the tab, the column
// titles are whole, the buttons are on screen, and opening the request and answer makes
// the tab scroll instead of pushing the window past the screen.
func TestAdminFitsSmallScreens(t *testing.T) {
	eachLanguage(t, func(t *testing.T, code string) {
		e := newTestEnv(t)
		fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme()) // the real sizes
		var details []uploader.LogDetail
		for i := range 8 {
			details = append(details, uploader.LogDetail{LogType: "UploadSuccess", AssetName: fmt.Sprintf("campaign/spring-2026/hero-%d.jpg", i), LogMessage: "File uploaded"})
		}
		e.remote.logs = []uploader.JobLog{{JobName: "spring", JobHandle: "h|4", Details: details}}
		a := e.w.Admin
		e.w.Tabs.SelectIndex(tabAdmin)
		test.Tap(a.refresh) // the active jobs' exchange
		a.tabs.SelectIndex(adminTabLog)
		a.handle.SetText("h|4")
		test.Tap(a.showLog)
		// A request and an answer of many lines, as Scene7's are.
		xml := "<soap:Envelope>\n" + strings.Repeat("  <line>value</line>\n", 30) + "</soap:Envelope>"
		a.logEx.set(uploader.Exchange{Operation: "getJobLogDetails", URL: "http://127.0.0.1:9/scene7/services/IpsApiService", Request: xml, Response: xml})
		scroll := a.tabs.Items[adminTabLog].Content.(*container.Scroll)
		row := widget.NewLabel("x").MinSize().Height
		line := fyne.MeasureText("Xg", theme.TextSize(), fyne.TextStyle{Monospace: true}).Height
		for _, screen := range []fyne.Size{{Width: 1024, Height: 640}, MinWindow} {
			a.logEx.acc.CloseAll()
			e.w.Win.Resize(screen)
			if m := e.w.Win.Content().MinSize(); m.Width > screen.Width || m.Height > screen.Height {
				t.Errorf("%v: the window needs %v", screen, m)
			}
			if need, have := scroll.Content.MinSize().Height, scroll.Size().Height; need > have {
				t.Errorf("%v: the log's tab needs %v of height, has %v: it scrolls with Details closed", screen, need, have)
			}
			if h := a.outcomes.table.Size().Height; h < 4*row {
				t.Errorf("%v: the outcome table is %v high, less than a title and three rows (%v)", screen, h, 4*row)
			}
			if h := a.logText.Size().Height; h < 4*line {
				t.Errorf("%v: the log's lines take %v, less than four lines", screen, h)
			}
			for i, id := range []string{"admin.outcomes.file", "admin.outcomes.outcome", "admin.outcomes.message"} {
				title := widget.NewLabel(words.T(id, nil)) // as the table's titles are made
				title.TextStyle.Bold = true
				if w := title.MinSize().Width; a.outcomes.table.Size().Width > 0 && a.outcomes.widths[i] < w {
					t.Errorf("%v: column %q is %v wide, its title needs %v", screen, words.T(id, nil), a.outcomes.widths[i], w)
				}
			}
			for _, b := range []*widget.Button{a.showLog, a.refresh} {
				p := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
				if b.Visible() && (p.X+b.Size().Width > screen.Width || p.Y+b.Size().Height > screen.Height) {
					t.Errorf("%v: %q at %v is off screen", screen, b.Text, p)
				}
			}
			// Lists show their choice whole (the language's "System language (…)" too).
			for _, o := range test.LaidOutObjects(e.w.Tabs.Items[tabAdmin].Content) {
				if sel, ok := o.(*widget.Select); ok && sel.Visible() {
					shown := sel.Selected
					if shown == "" {
						shown = sel.PlaceHolder
					}
					if need := textWidth(shown, fyne.TextStyle{}) + theme.IconInlineSize(); sel.Size().Width < need {
						t.Errorf("%v: a list shows %q in %v, it needs %v", screen, shown, sel.Size().Width, need)
					}
				}
			}
			// The request and answer, opened, make the tab scroll; the window stays inside.
			a.logEx.acc.Open(0)
			scroll.Refresh() // the window's driver lays out again when a size need changes; the test's does not
			if m := e.w.Win.Content().MinSize(); m.Width > screen.Width || m.Height > screen.Height {
				t.Errorf("%v, Details open: the window needs %v", screen, m)
			}
			if scroll.Content.Size().Height <= scroll.Size().Height {
				t.Errorf("%v, Details open: the tab does not scroll (%v in %v)", screen, scroll.Content.Size().Height, scroll.Size().Height)
			}
		}
	})
}
