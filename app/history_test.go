package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// An upload finished before a restart is offered by name in Admin's job log at the next
// start (from the history), so that its log can still be read.
func TestEarlierUploadsAreOfferedInAdmin(t *testing.T) {
	first, cfgDir, dir := twoFiles(t)
	first.Queue.Add([]string{filepath.Join(dir, "a.jpg"), filepath.Join(dir, "b.jpg")})
	sum := upload(t, first)
	if sum.Done != 2 || sum.JobName == "" {
		t.Fatalf("first upload: %+v", sum)
	}
	second := reopen(t, first, cfgDir, test.NewTempApp(t))
	found := false
	for _, o := range second.Window.Admin.JobChoices() {
		found = found || strings.HasPrefix(o, sum.JobName+" · ")
	}
	if !found {
		t.Errorf("the job log offers %q, not %s", second.Window.Admin.JobChoices(), sum.JobName)
	}
}
