package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"
)

// lockedBuffer is a trace's writer read by the test while the trace may still write.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// traceLines are the lines written so far as (time, event, value).
type traceLine struct {
	at    time.Time
	event string
	value int64
}

func (b *lockedBuffer) lines(t *testing.T) []traceLine {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []traceLine
	for _, l := range strings.Split(strings.TrimSuffix(b.buf.String(), "\n"), "\n") {
		if l == "" {
			continue
		}
		f := strings.Fields(l)
		if len(f) != 3 {
			t.Fatalf("trace line %q: want 3 fields", l)
		}
		ns, err1 := strconv.ParseInt(f[0], 10, 64)
		v, err2 := strconv.ParseInt(f[2], 10, 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("trace line %q: %v %v", l, err1, err2)
		}
		out = append(out, traceLine{time.Unix(0, ns), f[1], v})
	}
	return out
}

func TestTraceNotesTheHandedPathsAndTheirListing(t *testing.T) {
	keyring.MockInit()
	var out lockedBuffer
	tr := newTrace(&out)
	clock := time.Date(2026, 11, 30, 15, 0, 0, 0, time.UTC)
	tr.now = func() time.Time { clock = clock.Add(time.Millisecond); return clock }
	dt, err := Build(test.NewTempApp(t), Options{ConfigDir: t.TempDir(), Async: inline, trace: tr})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dt.Close() })
	dir := tree(t, map[string]string{"Campaign/a.jpg": "a", "Campaign/b.jpg": "b", "Campaign/.DS_Store": "x"})

	dt.launched([]string{filepath.Join(dir, "Campaign")}) // what a later launch hands over

	got := out.lines(t)
	if len(got) != 2 || got[0].event != tracePaths || got[0].value != 1 || got[1].event != traceListed || got[1].value != 3 {
		t.Fatalf("trace = %+v, want paths_in 1 then listed 3 (two files, one skipped)", got)
	}
	if !got[1].at.After(got[0].at) {
		t.Errorf("listed at %v, not after paths_in at %v", got[1].at, got[0].at)
	}
	if dt.Queue.Len() != 3 {
		t.Errorf("the queue has %d rows, want 3", dt.Queue.Len())
	}
}

func TestTraceSamplesHowLongFynesThreadMadeAFunctionWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var out lockedBuffer
		tr := newTrace(&out)
		// A thread busy for 150 ms with each function it is given.
		busy := func(f func()) {
			go func() {
				time.Sleep(150 * time.Millisecond)
				f()
			}()
		}
		stop := make(chan struct{})
		done := make(chan struct{})
		go func() { tr.sampleLag(busy, stop); close(done) }()
		time.Sleep(time.Second)
		close(stop)
		<-done
		time.Sleep(200 * time.Millisecond) // the function given last runs, into a sampler gone

		got := out.lines(t)
		// One function at a time: each waits 150 ms, so a second holds 6, not 100.
		if len(got) < 5 || len(got) > 7 {
			t.Fatalf("%d samples in a second, want about 6: %+v", len(got), got)
		}
		for _, l := range got {
			if l.event != traceLag || l.value != 150000 {
				t.Errorf("sample %+v, want ui_lag_us 150000", l)
			}
		}
	})
}

func TestTraceIsOffUnlessItsVariableNamesAFile(t *testing.T) {
	t.Setenv(TraceEnv, "")
	tr := openTrace()
	if tr != nil {
		t.Fatalf("a trace without %s", TraceEnv)
	}
	tr.event(tracePaths, 1)                // a nil trace writes nothing and does not fail
	tr.sampleLag(nil, make(chan struct{})) // and returns at once

	path := filepath.Join(t.TempDir(), "trace.txt")
	t.Setenv(TraceEnv, path)
	tr = openTrace()
	if tr == nil {
		t.Fatal("no trace with the variable set")
	}
	tr.event(traceStarted, 0)
	tr.event(traceListed, 100000)
	t.Cleanup(func() { tr.w.(*os.File).Close() })
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 2 || !strings.HasSuffix(lines[0], " started 0") || !strings.HasSuffix(lines[1], " listed 100000") {
		t.Fatalf("trace file:\n%s", data)
	}
}
