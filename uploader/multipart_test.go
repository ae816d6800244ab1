package uploader

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// testParts is a body like an UploadFile POST: two XML fields and the files of dir.
func testParts(t *testing.T, files map[string]string) ([]formPart, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	parts := []formPart{
		{name: "auth", contentType: xmlPart, value: []byte(`<?xml version="1.0" encoding="UTF-8"?><authHeader/>`)},
		{name: "uploadParams", contentType: xmlPart, value: []byte(`<uploadPostParam><destFolder>é/日本語</destFolder></uploadPostParam>`)},
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	// A stable order keeps failures reproducible.
	slices.Sort(names)
	for i, n := range names {
		p := filepath.Join(dir, "f"+string(rune('a'+i)))
		if err := os.WriteFile(p, []byte(files[n]), 0o644); err != nil {
			t.Fatal(err)
		}
		parts = append(parts, formPart{name: "file" + string(rune('1'+i)), filename: n, contentType: "application/octet-stream",
			file: &fileRef{path: p, rel: "dir/" + n, size: int64(len(files[n])), item: i}})
	}
	return parts, files
}

func TestMultipartExactLengthAndParsesBack(t *testing.T) {
	files := map[string]string{
		"plain.jpg":          strings.Repeat("x", 100_000),
		"empty.txt":          "",
		`quote"back\slash`:   "q",
		"日本語 é.psd":          "\x00\x01\x02binary\r\n--not-a-boundary",
		"<&>'.tif":           "angle",
		"line\r\nbreak.png":  "crlf",
		"--hoist-lookalike-": "boundary-ish\r\n--hoist-",
	}
	parts, _ := testParts(t, files)
	body := newMultipartBody(parts)
	var positions []int64
	data, err := io.ReadAll(body.open(func(item int, pos int64) {
		if item >= 0 {
			positions = append(positions, pos)
		}
	}))
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(data)) != body.Len() {
		t.Fatalf("read %d bytes, Len() announced %d", len(data), body.Len())
	}
	_, params, err := mime.ParseMediaType(body.ContentType())
	if err != nil {
		t.Fatal(err)
	}
	mr := multipart.NewReader(bytes.NewReader(data), params["boundary"])
	got := map[string]string{}
	var order []string
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		order = append(order, p.FormName())
		switch p.FormName() {
		case "auth", "uploadParams":
			if ct := p.Header.Get("Content-Type"); ct != xmlPart {
				t.Errorf("%s Content-Type = %q", p.FormName(), ct)
			}
		default:
			_, dp, _ := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
			got[dp["filename"]] = string(b)
		}
	}
	if strings.Join(order[:2], ",") != "auth,uploadParams" || len(order) != 2+len(files) {
		t.Errorf("parts in order %v", order)
	}
	for name, want := range files {
		sent := strings.NewReplacer("\r", "%0D", "\n", "%0A").Replace(name)
		if got[sent] != want {
			t.Errorf("file %q: got %q, want %q", name, got[sent], want)
		}
	}
	if len(positions) == 0 {
		t.Error("no progress reported")
	}
}

func TestMultipartReopenGivesSameBytes(t *testing.T) {
	parts, _ := testParts(t, map[string]string{"a": "alpha", "b": strings.Repeat("b", 70_000)})
	body := newMultipartBody(parts)
	first, err := io.ReadAll(body.open(nil))
	if err != nil {
		t.Fatal(err)
	}
	second, err := io.ReadAll(body.open(nil))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Fatal("a second reader of the same body (GetBody) gave different bytes")
	}
}

func TestMultipartProgressReachesEachFileSize(t *testing.T) {
	parts, files := testParts(t, map[string]string{"a": strings.Repeat("a", 300_000), "b": "", "c": "cc"})
	body := newMultipartBody(parts)
	last := map[int]int64{}
	seen := map[int]bool{}
	_, err := io.Copy(io.Discard, body.open(func(item int, pos int64) {
		if item < 0 {
			return
		}
		if pos < last[item] {
			t.Errorf("file %d went back from %d to %d", item, last[item], pos)
		}
		last[item], seen[item] = pos, true
	}))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parts[2:] {
		if !seen[p.file.item] || last[p.file.item] != int64(len(files[p.filename])) {
			t.Errorf("%s: last progress %d (seen %v), size %d", p.filename, last[p.file.item], seen[p.file.item], len(files[p.filename]))
		}
	}
}

func TestMultipartVanishedOrChangedFile(t *testing.T) {
	cases := []struct {
		name   string
		change func(path string)
		want   error
	}{
		{"vanished", func(p string) { os.Remove(p) }, ErrFileGone},
		{"shrank", func(p string) { os.WriteFile(p, []byte("x"), 0o644) }, ErrFileChanged},
		{"grew", func(p string) { os.WriteFile(p, bytes.Repeat([]byte("y"), 200_000), 0o644) }, ErrFileChanged},
		{"became a folder", func(p string) { os.Remove(p); os.Mkdir(p, 0o755) }, ErrFileChanged},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			parts, _ := testParts(t, map[string]string{"a": "first file", "b": strings.Repeat("b", 100_000)})
			body := newMultipartBody(parts) // built before the change: nothing is opened yet
			tc.change(parts[3].file.path)
			r := body.open(nil)
			n, err := io.Copy(io.Discard, r)
			var fe *FileError
			if !errors.As(err, &fe) || !errors.Is(err, tc.want) || fe.Rel != "dir/b" {
				t.Fatalf("err = %v, want a *FileError for dir/b wrapping %v", err, tc.want)
			}
			if n >= body.Len() {
				t.Fatalf("sent %d of %d bytes: a changed file must never complete a body", n, body.Len())
			}
			if r.fileErr() == nil {
				t.Errorf("the body reader does not keep the file's error")
			}
		})
	}
}

func TestMultipartChangesWhileSending(t *testing.T) {
	parts, _ := testParts(t, map[string]string{"a": strings.Repeat("a", 200_000)})
	body := newMultipartBody(parts)
	r := body.open(nil)
	buf := make([]byte, 4096)
	truncated := false
	var err error
	for err == nil {
		_, err = r.Read(buf)
		if !truncated && r.seg > 0 && r.open {
			os.Truncate(parts[2].file.path, 10)
			truncated = true
		}
	}
	if !errors.Is(err, ErrFileChanged) {
		t.Fatalf("err = %v, want ErrFileChanged", err)
	}
}

// A file that grows once it is open is refused, whether the end of its bytes is checked by
// asking for one byte more than announced (the read has room) or by its size (it has not),
// and the extra byte is never part of the body.
func TestMultipartFileGrowsWhileRead(t *testing.T) {
	for _, room := range []bool{true, false} {
		t.Run(fmt.Sprintf("room=%v", room), func(t *testing.T) {
			const size = 1000
			parts, _ := testParts(t, map[string]string{"a": strings.Repeat("a", size)})
			body := newMultipartBody(parts)
			r := body.open(nil)
			head := len(body.segs[0].data)
			first := make([]byte, head+10)
			if n, err := io.ReadFull(r, first); err != nil || !r.open {
				t.Fatalf("read %d: %v (file open: %v)", n, err, r.open)
			}
			f, err := os.OpenFile(parts[2].file.path, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("GROWN")
			f.Close()
			rest := make([]byte, size-10)
			if room {
				rest = make([]byte, size+100)
			}
			n, err := r.Read(rest)
			if !errors.Is(err, ErrFileChanged) {
				t.Fatalf("err = %v, want ErrFileChanged", err)
			}
			if got := string(rest[:n]); got != strings.Repeat("a", n) {
				t.Errorf("the body carries %q, not only the file's announced bytes", got)
			}
			if _, err := r.Read(rest); !errors.Is(err, ErrFileChanged) {
				t.Errorf("the next read: %v, want the same failure", err)
			}
		})
	}
}

// The reader holds at most one file open, whatever the number of files in the body.
func TestMultipartOpensFilesLazily(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("counts descriptors in /proc/self/fd")
	}
	files := map[string]string{}
	for i := range 20 {
		files[string(rune('a'+i))] = strings.Repeat("z", 10_000)
	}
	parts, _ := testParts(t, files)
	body := newMultipartBody(parts)
	base := openFDs(t)
	r := body.open(nil)
	buf := make([]byte, 1000)
	most := 0
	for {
		_, err := r.Read(buf)
		most = max(most, openFDs(t)-base)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if most > 1 {
		t.Fatalf("up to %d files open at once, want at most 1", most)
	}
	if left := openFDs(t) - base; left != 0 {
		t.Fatalf("%d descriptors left open after the body was read", left)
	}
}

func openFDs(t *testing.T) int {
	t.Helper()
	es, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip(err)
	}
	return len(es)
}

func TestMultipartCloseReleasesFile(t *testing.T) {
	parts, _ := testParts(t, map[string]string{"a": strings.Repeat("a", 100_000)})
	r := newMultipartBody(parts).open(nil)
	buf := make([]byte, 5000)
	for !r.open {
		if _, err := r.Read(buf); err != nil {
			t.Fatal(err)
		}
	}
	r.Close()
	if r.open {
		t.Fatal("Close left the file open")
	}
	if _, err := r.Read(buf); err == nil {
		t.Fatal("Read after Close succeeded")
	}
}

// BenchmarkMultipartBody streams a 64 MiB file as net/http reads a body of known length:
// through an io.LimitedReader, which hides any WriterTo, in io.Copy's 32 KiB reads (the
// writer hides its ReaderFrom likewise). "progress" does on every read what send does
// (the stall watchdog and the progress accounting, which emits throttled events), so the
// two sub-benchmarks side by side show what progress costs.
func BenchmarkMultipartBody(b *testing.B) {
	dir := b.TempDir()
	p := filepath.Join(dir, "big.bin")
	const size = 64 << 20
	if err := os.Truncate(createFile(b, p), size); err != nil {
		b.Fatal(err)
	}
	parts := []formPart{
		{name: "auth", contentType: xmlPart, value: []byte("<authHeader/>")},
		{name: "file1", filename: "big.bin", contentType: "application/octet-stream", file: &fileRef{path: p, rel: "big.bin", size: size}},
	}
	body := newMultipartBody(parts)
	for _, withProgress := range []bool{false, true} {
		name := "no-progress"
		if withProgress {
			name = "progress"
		}
		b.Run(name, func(b *testing.B) {
			onRead := func(int, int64) {}
			if withProgress {
				r := newRun(NewClient(), &Request{Items: []Item{{Path: p, Rel: "big.bin", Size: size}}}, func(Event) {})
				defer r.ev.close()
				wd := startWatchdog(time.Minute, func() {})
				defer wd.stop()
				onRead = func(item int, pos int64) {
					wd.touch()
					if item >= 0 {
						r.progress(item, pos)
					}
				}
			}
			b.SetBytes(body.Len())
			b.ReportAllocs()
			buf := make([]byte, 32<<10)
			for b.Loop() {
				br := body.open(onRead)
				if _, err := io.CopyBuffer(struct{ io.Writer }{io.Discard}, io.LimitReader(br, body.Len()), buf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func createFile(tb testing.TB, p string) string {
	tb.Helper()
	f, err := os.Create(p)
	if err != nil {
		tb.Fatal(err)
	}
	f.Close()
	return p
}

// BenchmarkMultipartSmallFiles streams a POST of 256 files of 64 KiB, as net/http does
// (32 KiB reads, each written to the connection at once): writes/op is the number of
// writes the connection would get (bench/README.md, CPU against curl).
func BenchmarkMultipartSmallFiles(b *testing.B) {
	dir := b.TempDir()
	data := bytes.Repeat([]byte("s"), 64<<10)
	parts := []formPart{{name: "auth", contentType: xmlPart, value: []byte("<authHeader/>")}}
	for i := range 256 {
		name := fmt.Sprintf("img-%04d.jpg", i)
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
		parts = append(parts, formPart{name: fmt.Sprintf("file%d", i+1), filename: name, contentType: "application/octet-stream",
			file: &fileRef{path: p, rel: name, size: int64(len(data)), item: i}})
	}
	body := newMultipartBody(parts)
	b.SetBytes(body.Len())
	b.ReportAllocs()
	buf := make([]byte, 32<<10)
	w := &countingWriter{}
	for b.Loop() {
		if _, err := io.CopyBuffer(w, io.LimitReader(body.open(func(int, int64) {}), body.Len()), buf); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(w.writes)/float64(b.N), "writes/op")
}

type countingWriter struct{ writes int }

func (w *countingWriter) Write(p []byte) (int, error) { w.writes++; return len(p), nil }
