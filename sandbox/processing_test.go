package sandbox

import (
	"encoding/xml"
	"strings"
	"testing"
)

func activeJobsOf(t *testing.T, r *Running, handle string) activeJobs {
	t.Helper()
	a := soapCall(t, r, "getActiveJobs", envelope(soapAuth(DemoUser, DemoPassword, 0),
		`<getActiveJobsParam xmlns="`+nsIPS2014+`"><jobHandle>`+xmlEscape(handle)+`</jobHandle></getActiveJobsParam>`))
	var ret activeJobs
	if err := xml.Unmarshal([]byte(a.body), &ret); err != nil || a.status != 200 {
		t.Fatalf("%d %s", a.status, a.body)
	}
	return ret
}

func jobLogOf(t *testing.T, r *Running, handle string) jobLogs {
	t.Helper()
	a := soapCall(t, r, "getJobLogDetails", envelope(soapAuth(DemoUser, DemoPassword, 0),
		`<getJobLogDetailsParam xmlns="`+nsIPS2014+`"><companyHandle>c|2101</companyHandle><jobHandle>`+xmlEscape(handle)+`</jobHandle></getJobLogDetailsParam>`))
	var ret jobLogs
	if err := xml.Unmarshal([]byte(a.body), &ret); err != nil || a.status != 200 || len(ret.Items) != 1 {
		t.Fatalf("%d %s", a.status, a.body)
	}
	return ret
}

func TestProcessingKeepsTheJobActive(t *testing.T) {
	r := start(t, Config{ProcessingTime: 1 << 62}) // never over by itself
	auth := xmlPart("auth", demoAuth)
	h := mustHandle(t, upload(t, r, auth, xmlPart("uploadParams", newJobParams("slow", "<endJob>true</endJob>", minimalJob)),
		filePart("f", "a.jpg", jpg("a")), filePart("g", "b.psb", []byte("8BPS"))))

	// After endJob the job takes no more files but is still listed, as Running.
	a := upload(t, r, auth, xmlPart("uploadParams", laterParams(h, "")), filePart("f", "c.jpg", jpg("c")))
	contains(t, mustFault(t, a, 200, "ipsApiFault", 30001).Reason, "not active")
	act := activeJobsOf(t, r, h)
	if len(act.Items) != 1 || act.Items[0].State != "Running" {
		t.Fatalf("while processing: %+v", act.Items)
	}
	if j := r.Jobs(); len(j) != 1 || j[0].State != JobProcessing {
		t.Fatalf("jobs %+v", j)
	}
	l := jobLogOf(t, r, h).Items[0]
	if l.LogType != "BeginUpload" || l.EndDate != "" {
		t.Errorf("log of a processing job: %+v", l)
	}
	for _, d := range l.Details {
		if d.LogType == "UploadSuccess" || d.LogType == "UploadError" {
			t.Errorf("a processing line before processing ended: %+v", d)
		}
	}

	r.FinishProcessing()
	if act := activeJobsOf(t, r, h); len(act.Items) != 0 {
		t.Fatalf("after processing: %+v", act.Items)
	}
	l = jobLogOf(t, r, h).Items[0]
	var types []string
	for _, d := range l.Details {
		types = append(types, d.LogType+":"+d.AssetName)
	}
	want := "BeginUpload: FileBegin:a FileBegin:b UploadSuccess:a UploadError:b EndUpload:" // assetName is the asset ID
	if strings.Join(types, " ") != want || l.LogType != "EndUpload" || l.EndDate == "" || l.FileSuccessCount != 1 {
		t.Errorf("log after processing: %v %+v", types, l)
	}
	if j := r.Jobs(); j[0].State != JobDone {
		t.Errorf("state %s", j[0].State)
	}
}

func TestProcessingAfterExpiry(t *testing.T) {
	r := start(t, Config{ProcessingTime: 1 << 62})
	auth := xmlPart("auth", demoAuth)
	h := mustHandle(t, upload(t, r, auth, xmlPart("uploadParams", newJobParams("left", "", minimalJob)), filePart("f", "a.jpg", jpg("a"))))
	r.ExpireJobs()
	if len(activeJobsOf(t, r, h).Items) != 1 {
		t.Fatal("an expired job's files are processed too: it stays active meanwhile")
	}
	r.FinishProcessing()
	j := r.Jobs()[0]
	if j.State != JobExpired || j.Log[len(j.Log)-2].Type != "UploadSuccess" || j.Log[len(j.Log)-1].Type != "EndUpload" {
		t.Errorf("job %+v", j)
	}
}

func TestProcessingVerdicts(t *testing.T) {
	r := start(t, Config{})
	auth := xmlPart("auth", demoAuth)
	png := []byte("\x89PNG\r\n\x1a\nrest")
	files := []struct {
		name    string
		content []byte
		want    string
	}{
		{"ok.jpg", jpg("x"), "UploadSuccess"},
		{"OK.JPEG", jpg("x"), "UploadSuccess"},
		{"fine.png", png, "UploadSuccess"}, // every name its own asset ID
		{"good.gif", []byte("GIF89a..."), "UploadSuccess"},
		{"old.gif", []byte("GIF87a..."), "UploadSuccess"},
		{"intel.tif", []byte("II*\x00...."), "UploadSuccess"},
		{"motorola.tiff", []byte("MM\x00*...."), "UploadSuccess"},
		{"bitmap.bmp", []byte("BM...."), "UploadSuccess"},
		{"doc.pdf", []byte("%PDF-1.7\n"), "UploadSuccess"},
		{"clip.mp4", []byte("anything"), "UploadSuccess"},
		{"png-named.jpg", png, "UploadError"},
		{"jpeg-named.png", jpg("x"), "UploadError"},
		{"text.gif", []byte("hello"), "UploadError"},
		{"empty.tif", nil, "UploadError"},
		{"short.bmp", []byte("B"), "UploadError"},
		{"big.psb", []byte("8BPS\x00\x02"), "UploadError"},
		{"fake.pdf", []byte("<html>"), "UploadError"},
		{"notes.xyz", []byte("x"), "UploadWarning"},
		{"README", []byte("x"), "UploadWarning"},
	}
	parts := []part{auth, xmlPart("uploadParams", newJobParams("verdicts", "<endJob>true</endJob>", minimalJob))}
	for _, f := range files {
		parts = append(parts, filePart("f", f.name, f.content))
	}
	mustHandle(t, upload(t, r, parts...))
	got := map[string]LogEntry{}
	for _, e := range r.Jobs()[0].Log {
		if e.Asset != "" && e.Type != "FileBegin" {
			got[e.Asset] = e
		}
	}
	for _, f := range files {
		if e := got[f.name]; e.Type != f.want || !strings.HasPrefix(e.Message, f.name+" ") {
			t.Errorf("%s: %s %q, want %s", f.name, e.Type, e.Message, f.want)
		}
	}
	contains(t, got["big.psb"].Message, "PSD")
	contains(t, got["fake.pdf"].Message, "not a PDF")
	contains(t, got["png-named.jpg"].Message, "not a JPEG image")

	// A file uploaded again over an existing asset is an update.
	mustHandle(t, upload(t, r, auth, xmlPart("uploadParams", newJobParams("again", "<endJob>true</endJob>", minimalJob)), filePart("f", "ok.jpg", jpg("y"))))
	j := r.Jobs()[1]
	if e := j.Log[len(j.Log)-2]; e.Type != "FileUpdated" || e.Asset != "ok.jpg" {
		t.Errorf("update: %+v", e)
	}
}

// A file the client sent twice in one job (it lost the first answer) is processed once.
func TestProcessingOncePerAsset(t *testing.T) {
	r := start(t, Config{})
	auth := xmlPart("auth", demoAuth)
	h := mustHandle(t, upload(t, r, auth, xmlPart("uploadParams", newJobParams("twice", "", minimalJob)), filePart("f", "a.jpg", []byte("not yet"))))
	mustHandle(t, upload(t, r, auth, xmlPart("uploadParams", laterParams(h, "<endJob>true</endJob>")), filePart("f", "a.jpg", jpg("now"))))
	n := 0
	for _, e := range r.Jobs()[0].Log {
		if e.Asset == "a.jpg" && e.Type != "FileBegin" {
			n++
			if e.Type != "UploadSuccess" {
				t.Errorf("the last stored version counts, as a new asset: %+v", e)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d processing lines for one asset", n)
	}
}

func TestHeadWriter(t *testing.T) {
	var h headWriter
	for _, s := range []string{"", "ab", "cdefg", "hij", "k"} {
		if n, err := h.Write([]byte(s)); n != len(s) || err != nil {
			t.Fatalf("Write(%q) = %d, %v", s, n, err)
		}
	}
	if string(h.head) != "abcdefgh" {
		t.Errorf("head %q", h.head)
	}
}
