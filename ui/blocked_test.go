package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoist/app/store"
	"hoist/internal/words"
	"hoist/uploader"
)

// The line that says what to fix before uploading sends people where the other problems
// are fixed: the fields above the queue (password, folder, company), the Upload options
// tab, or both. It said "see Upload options" for a missing password, which is typed above
// the queue.
func TestBlockedSaysWhereTheOtherProblemsAre(t *testing.T) {
	e := newTestEnv(t)
	drsum := store.Profile{Name: "Intranet Dr.Sum", Service: uploader.DrSum, User: "apiuser01", UploadURL: "https://drsum.intra.example/api/v1.0/file/upload"}
	brand := scene7Profile("Brand NA")
	for _, p := range []store.Profile{drsum, brand} {
		if err := e.cfg.Profiles.Save("", p); err != nil {
			t.Fatal(err)
		}
	}
	e.w.Dest.reload(drsum.Name)
	e.w.Dest.SetFolder("")
	blocked := func(id string, count int, problem string) {
		t.Helper()
		want := words.N(id, count, words.A{"Problem": words.T(problem, nil)})
		if got := e.w.Queue.blocker.Text; got != want {
			t.Errorf("the queue says %q, want %q", got, want)
		}
	}
	// The folder and the password, both above the queue.
	blocked("window.blocked.more_here", 1, "dest.need_drsum_folder")

	// The password above, a value in Upload options.
	e.w.Dest.reload(brand.Name)
	test.Tap(e.w.Options.Input("unsharpMaskOptions").(*widget.Check))
	e.w.Options.Input("unsharpMaskOptions.amount").(*numberEntry).SetText("7")
	if len(e.w.Options.Problems()) != 1 {
		t.Fatalf("options problems: %q", e.w.Options.Problems())
	}
	blocked("window.blocked.more", 1, "dest.need_password")

	// The company handle and the password above, and the value in Upload options.
	e.w.Dest.company.SetText("")
	blocked("window.blocked.more_both", 2, "dest.need_company")
}
