package sandbox

import (
	"errors"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestAssetIDs(t *testing.T) {
	for _, tc := range []struct{ name, stored, id string }{
		{"hero.jpg", "hero.jpg", "hero"},
		{"hero.png", "hero.png", "hero"},
		{"Hero.JPG", "Hero.JPG", "Hero"}, // case-sensitive
		{"a&b <c>.tif", "ab c.tif", "ab c"},
		{`x\;?:@&=+$,*"<>|'{}%y.png`, "xy.png", "xy"},
		{"archive.tar.gz", "archive.tar.gz", "archive.tar"},
		{"README", "README", "README"},
		{"été 日本.psd", "été 日本.psd", "été 日本"},
		{"50%.jpg", "50.jpg", "50"},
		{"%.jpg", ".jpg", ""},
		{"{}.jpg", ".jpg", ""},
		{"{}.", ".", ""},
		{".profile", ".profile", ".profile"}, // a leading dot starts no extension
		{"{}.a.jpg", ".a.jpg", ".a"},
	} {
		stored, id := sceneAsset("folder/" + tc.name)
		if stored != "folder/"+tc.stored || id != tc.id {
			t.Errorf("%q: stored %q as %q, want %q as %q", tc.name, stored, id, "folder/"+tc.stored, tc.id)
		}
	}
}

// namesJob uploads files as one ended job and returns its log by asset ID.
func namesJob(t *testing.T, r *Running, name string, overwrite bool, files ...part) map[string][]LogEntry {
	t.Helper()
	content := minimalJob
	if !overwrite {
		content = strings.Replace(minimalJob, "<overwrite>true</overwrite>", "<overwrite>false</overwrite>", 1)
	}
	parts := append([]part{xmlPart("auth", demoAuth), xmlPart("uploadParams", newJobParams(name, "<endJob>true</endJob>", content))}, files...)
	h := mustHandle(t, upload(t, r, parts...))
	out := map[string][]LogEntry{}
	for _, j := range r.Jobs() {
		if j.Handle != h {
			continue
		}
		for _, e := range j.Log {
			if e.Asset != "" && e.Type != "FileBegin" {
				out[e.AssetID] = append(out[e.AssetID], e)
			}
		}
	}
	return out
}

func logTypes(es []LogEntry) string {
	var out []string
	for _, e := range es {
		out = append(out, e.Type+" "+e.Asset)
	}
	return strings.Join(out, ", ")
}

func TestSameAssetIDWithOverwrite(t *testing.T) {
	r := start(t, Config{})
	// One job: hero.jpg, then hero.png in another folder. The later replaces the earlier.
	log := namesJob(t, r, "hero", true,
		filePart("f", "a/hero.jpg", jpg("1")), filePart("g", "b/hero.png", []byte("\x89PNG\r\n\x1a\n")))
	if got := logTypes(log["hero"]); got != "UploadSuccess a/hero.jpg, FileUpdated b/hero.png" {
		t.Errorf("log of asset hero: %s", got)
	}
	contains(t, log["hero"][1].Message, "replacing a/hero.jpg")
	if got := r.Assets(DemoCompany); !reflect.DeepEqual(got, []Asset{{ID: "hero", Path: "b/hero.png"}}) {
		t.Errorf("assets %+v", got)
	}
	if _, err := os.Stat(r.Scene7File(DemoCompany, "a/hero.jpg")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the replaced file is still stored: %v", err)
	}

	// getJobLogDetails names the asset by its ID.
	h := r.Jobs()[0].Handle
	var names []string
	for _, d := range jobLogOf(t, r, h).Items[0].Details {
		if d.LogType == "FileUpdated" || d.LogType == "UploadSuccess" {
			names = append(names, d.AssetName)
		}
	}
	if strings.Join(names, " ") != "hero hero" {
		t.Errorf("assetName %v", names)
	}
}

func TestSameAssetIDWithoutOverwrite(t *testing.T) {
	r := start(t, Config{})
	namesJob(t, r, "first", true, filePart("f", "a/hero.jpg", jpg("1")))
	log := namesJob(t, r, "second", false,
		filePart("f", "b/hero.png", []byte("\x89PNG\r\n\x1a\n")), filePart("g", "b/Hero.png", []byte("\x89PNG\r\n\x1a\n")))
	if got := logTypes(log["hero"]); got != "DuplicateSkipped b/hero.png" {
		t.Errorf("log of asset hero: %s", got)
	}
	contains(t, log["hero"][0].Message, "a/hero.jpg")
	if got := logTypes(log["Hero"]); got != "UploadSuccess b/Hero.png" {
		t.Errorf("IDs are case-sensitive: %s", got)
	}
	want := []Asset{{ID: "Hero", Path: "b/Hero.png"}, {ID: "hero", Path: "a/hero.jpg"}}
	if got := r.Assets(DemoCompany); !reflect.DeepEqual(got, want) {
		t.Errorf("assets %+v, want %+v", got, want)
	}
	if _, err := os.Stat(r.Scene7File(DemoCompany, "b/hero.png")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the skipped file was stored: %v", err)
	}
}

func TestRemovedCharacters(t *testing.T) {
	r := start(t, Config{})
	log := namesJob(t, r, "chars", true, filePart("f", "a&b <c>.tif", []byte("II*\x00....")))
	if got := logTypes(log["ab c"]); got != "UploadSuccess ab c.tif" {
		t.Errorf("log of asset %q: %s", "ab c", got)
	}
	if got := mustRead(t, r.Scene7File(DemoCompany, "ab c.tif")); string(got) != "II*\x00...." {
		t.Errorf("stored %q", got)
	}
	// A backslash in a file name is removed like the others (in a folder it is refused).
	log = namesJob(t, r, "backslash", true, filePart("f", `C:\photos\a.jpg`, jpg("1")))
	if got := logTypes(log["Cphotosa"]); got != "UploadSuccess Cphotosa.jpg" {
		t.Errorf("log of a Windows path as a name: %s", got)
	}
	// Nothing is left of "%.jpg" to make an ID: the file fails, the job goes on.
	log = namesJob(t, r, "empty", true, filePart("g", "%.jpg", jpg("1")), filePart("h", "kept.jpg", jpg("2")))
	if got := logTypes(log["kept"]); got != "UploadSuccess kept.jpg" {
		t.Errorf("the job did not go on: %s", got)
	}
	if got := logTypes(log[""]); got != "UploadError .jpg" {
		t.Errorf("log of %%.jpg: %s", got)
	}
	want := []Asset{{ID: "Cphotosa", Path: "Cphotosa.jpg"}, {ID: "ab c", Path: "ab c.tif"}, {ID: "kept", Path: "kept.jpg"}}
	if got := r.Assets(DemoCompany); !reflect.DeepEqual(got, want) {
		t.Errorf("assets %+v", got)
	}
}

// Assets stored by an earlier run of the sandbox in the same folder keep their IDs.
func TestAssetIDsOfEarlierRuns(t *testing.T) {
	dir := t.TempDir()
	first, err := Start(Config{Dir: dir}, "")
	if err != nil {
		t.Fatal(err)
	}
	namesJob(t, first, "before", true, filePart("f", "old/logo.png", []byte("\x89PNG\r\n\x1a\n")))
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	r := start(t, Config{Dir: dir})
	if got := r.Assets(DemoCompany); !reflect.DeepEqual(got, []Asset{{ID: "logo", Path: "old/logo.png"}}) {
		t.Fatalf("assets after a restart %+v", got)
	}
	log := namesJob(t, r, "after", false, filePart("f", "new/logo.jpg", jpg("1")))
	if got := logTypes(log["logo"]); got != "DuplicateSkipped new/logo.jpg" {
		t.Errorf("log of asset logo: %s", got)
	}
}
