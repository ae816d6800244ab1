package uploader_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hoist/internal/testfs"
	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/uploader"
)

// The engine cleans every request against the sandbox: the same folder typed with stray
// slashes lands in the same place, decomposed names land composed, and a name with a
// control character is refused before it is sent, while the other files go.

const nfdCafe = "cafe\u0301" // "café" as macOS writes it

func TestE2ECleansFoldersAndNamesScene7(t *testing.T) {
	b := startBox(t, 0)
	dir := testfs.Tree(t, map[string]string{
		"x/" + nfdCafe + ".jpg":   "nfd",
		"x/日本語 \"q\" 'a' <&>.png": "jp",
		"x/with space.tif":        "sp",
		"x/tab.jpg":               "tab",
		"x/dup.jpg":               "dup",
	})
	items := []uploader.Item{
		{Path: filepath.Join(dir, "x", nfdCafe+".jpg"), Rel: "Camp/" + nfdCafe + ".jpg", Size: 3},
		{Path: filepath.Join(dir, "x", "日本語 \"q\" 'a' <&>.png"), Rel: "Camp/日本語 \"q\" 'a' <&>.png", Size: 2},
		{Path: filepath.Join(dir, "x", "with space.tif"), Rel: "Camp/with space.tif", Size: 2},
		// A library caller hands the engine what Walk would have refused:
		{Path: filepath.Join(dir, "x", "tab.jpg"), Rel: "Camp/ta\tb.jpg", Size: 3},
		{Path: filepath.Join(dir, "x", "dup.jpg"), Rel: "Camp/café.jpg", Size: 3}, // café.jpg again, composed
	}
	for _, folder := range []string{"/spring/2026/", `\spring\2026`, "spring//2026"} {
		t.Run(folder, func(t *testing.T) {
			req := b.scene7Request(t, items)
			req.DestFolder = folder
			req.JobName = ""
			var rec []uploader.Event
			before := len(b.Requests())
			res, err := testClient().Upload(context.Background(), req, func(ev uploader.Event) { rec = append(rec, ev) })
			if err != nil {
				t.Fatal(err)
			}
			for rel, want := range map[string]string{"Camp/café.jpg": "nfd", "Camp/日本語 \"q\" 'a' <&>.png": "jp", "Camp/with space.tif": "sp"} {
				got, err := os.ReadFile(b.Scene7File(sandbox.DemoCompany, "spring/2026/"+rel))
				if err != nil || string(got) != want {
					t.Errorf("%s: %q, %v", rel, got, err)
				}
			}
			if res.Files[0].Rel != "Camp/café.jpg" {
				t.Errorf("result names the file %q, want it NFC", res.Files[0].Rel)
			}
			var ne *uploader.NameError
			if res.Files[3].State != uploader.StateFailed || !errors.As(res.Files[3].Err, &ne) || ne.Kind != uploader.NameControl || res.Files[3].Attempts != 0 {
				t.Errorf("control character: %+v", res.Files[3])
			}
			if res.Files[4].State != uploader.StateFailed || !errors.As(res.Files[4].Err, &ne) || ne.Kind != uploader.NameSameAfterNFC || res.Files[4].Attempts != 0 {
				t.Errorf("NFC twin: %+v", res.Files[4])
			}
			for _, ev := range rec {
				if ev.Kind == uploader.FileFailed && ev.Item == 3 && !strings.Contains(words.Event(ev), "control character (a tab, U+0009)") {
					t.Errorf("failure sentence %q", words.Event(ev))
				}
			}
			// Of the three files of 3 bytes only café went: the two refused never left.
			three := 0
			for _, rq := range b.Requests()[before:] {
				for _, f := range rq.Files {
					if f.Size == 3 {
						three++
					}
				}
			}
			if three != 1 {
				t.Errorf("%d files of 3 bytes were sent, want only café.jpg", three)
			}
		})
	}
}

func TestE2ECleansFolderDrSumAndRefusesBadFolder(t *testing.T) {
	b := startBox(t, 0)
	dir := testfs.Tree(t, map[string]string{nfdCafe + " 売上.csv": "a,b\n"})
	items, _ := uploader.Walk([]string{filepath.Join(dir, nfdCafe+" 売上.csv")})
	ep, err := uploader.CustomEndpoint(uploader.DrSum, b.url+uploader.DrSumUploadPath, "", false)
	if err != nil {
		t.Fatal(err)
	}
	req := uploader.Request{Conn: uploader.Conn{Endpoint: ep, Credentials: uploader.Credentials{User: sandbox.DrSumUser, Password: sandbox.DrSumPassword}}, Items: items}
	for _, folder := range []string{"/filer/campaign/", `\filer\campaign\`} {
		req.DestFolder = folder
		res, err := testClient().Upload(context.Background(), req, nil)
		if err != nil || res.Files[0].State != uploader.StateDone {
			t.Fatalf("%q: %v %+v", folder, err, res)
		}
		got, err := os.ReadFile(b.DrSumFile("/filer/campaign", "café 売上.csv"))
		if err != nil || string(got) != "a,b\n" {
			t.Fatalf("%q: the file did not land under its NFC name: %q %v", folder, got, err)
		}
		req.Options.Overwrite = true // the second round replaces the first
	}
	before := len(b.Requests())
	req.DestFolder = "/filer/../etc"
	_, err = testClient().Upload(context.Background(), req, nil)
	var ne *uploader.NameError
	if !errors.As(err, &ne) || ne.Kind != uploader.FolderDots || !strings.Contains(words.Error(err), "..") {
		t.Fatalf("folder with ..: %v", err)
	}
	if len(b.Requests()) != before {
		t.Fatal("a request was sent for a refused folder")
	}
}

func TestE2EDrSumConflictSentenceDependsOnOverwrite(t *testing.T) {
	b := startBox(t, 0)
	dir := testfs.Tree(t, map[string]string{"data.csv": "1"})
	items, _ := uploader.Walk([]string{filepath.Join(dir, "data.csv")})
	ep, _ := uploader.CustomEndpoint(uploader.DrSum, b.url+uploader.DrSumUploadPath, "", false)
	req := uploader.Request{Conn: uploader.Conn{Endpoint: ep, Credentials: uploader.Credentials{User: sandbox.DrSumUser, Password: sandbox.DrSumPassword}},
		DestFolder: "/filer/x", Items: items}
	if res, err := testClient().Upload(context.Background(), req, nil); err != nil || res.Files[0].State != uploader.StateDone {
		t.Fatalf("first upload: %v %+v", err, res)
	}
	// The sandbox itself refuses the second with overwrite off.
	res, _ := testClient().Upload(context.Background(), req, nil)
	if s := words.Error(res.Files[0].Err); !strings.Contains(s, "Turn on Overwrite") {
		t.Errorf("overwrite off: %q", s)
	}
	// A server that refuses to replace although overwrite is on (a locked file).
	b.onPost(func(_ int, w http.ResponseWriter, r *http.Request) bool {
		io.Copy(io.Discard, r.Body)
		w.WriteHeader(http.StatusConflict)
		io.WriteString(w, `{"errors":[{"code":"FILE_ALREADY_EXISTS"}]}`)
		return true
	})
	req.Options.Overwrite = true
	res, _ = testClient().Upload(context.Background(), req, nil)
	if s := words.Error(res.Files[0].Err); strings.Contains(s, "Turn on Overwrite") || !strings.Contains(s, "although Overwrite was on") {
		t.Errorf("overwrite on: %q", s)
	}
}
