package uploader

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"hoist/sandbox"
)

// bubbleUpload uploads files (name → content) to an in-process sandbox that processes a
// job for processing, and returns the client and the follow request of the job.
func bubbleUpload(t *testing.T, processing time.Duration, files map[string]string) (*Client, FollowRequest) {
	t.Helper()
	s, err := sandbox.New(sandbox.Config{Dir: t.TempDir(), ProcessingTime: processing})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	items, _ := Walk([]string{dir})
	c := NewClient(func(c *Client) { c.HTTP = &http.Client{Transport: handlerTransport{s}} })
	ep, err := CustomEndpoint(Scene7, "http://127.0.0.1:9/scene7/UploadFile", "", false)
	if err != nil {
		t.Fatal(err)
	}
	creds := Credentials{User: sandbox.DemoUser, Password: sandbox.DemoPassword}
	res, err := c.Upload(t.Context(), Request{Conn: Conn{Endpoint: ep, Credentials: creds, Company: sandbox.DemoCompany},
		DestFolder: "follow", Options: DefaultOptions(), Items: items}, nil)
	if err != nil || len(res.Jobs) != 1 || !res.Jobs[0].Ended {
		t.Fatalf("upload: %v %+v", err, res)
	}
	var rels []string
	for _, it := range items {
		rels = append(rels, it.Rel)
	}
	return c, FollowRequest{Conn: Conn{Endpoint: ep, Credentials: creds, Company: sandbox.DemoCompany}, JobHandle: res.Jobs[0].Handle,
		DestFolder: "follow", Files: rels}
}

func TestFollowBacksOffFromTwoToThirtySeconds(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c, req := bubbleUpload(t, 100*time.Second, map[string]string{"a.jpg": "\xFF\xD8\xFFa", "b.psb": "8BPS"})
		start := time.Now()
		var polls []time.Duration
		var kinds []FollowKind
		res, err := c.Follow(t.Context(), req, func(ev FollowEvent) {
			kinds = append(kinds, ev.Kind)
			if ev.Kind == JobProcessing {
				polls = append(polls, ev.Time.Sub(start))
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		// Asked at once, then after 2, 4, 8, 16, 30, 30 s: the job (100 s of processing)
		// is gone at the question of 120 s.
		want := []time.Duration{0, 2, 6, 14, 30, 60, 90}
		for i := range want {
			want[i] *= time.Second
		}
		if !slices.Equal(polls, want) || time.Since(start) != 120*time.Second {
			t.Errorf("polls at %v, ended after %v", polls, time.Since(start))
		}
		if kinds[0] != FollowStarted || kinds[len(kinds)-1] != FollowEnded {
			t.Errorf("kinds %v", kinds)
		}
		got := map[string]Outcome{}
		for _, f := range res.Files {
			got[path.Base(f.Rel)] = f.Outcome
		}
		if len(res.Files) != 2 || got["a.jpg"] != Processed || got["b.psb"] != Failed {
			t.Errorf("outcomes %+v", res.Files)
		}
	})
}

func TestFollowStopsAtTheLimit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c, req := bubbleUpload(t, time.Hour, map[string]string{"a.jpg": "\xFF\xD8\xFFa"})
		req.Limit = time.Minute
		start := time.Now()
		var ended FollowEvent
		res, err := c.Follow(t.Context(), req, func(ev FollowEvent) {
			if ev.Kind == FollowEnded {
				ended = ev
			}
		})
		var to *FollowTimeout
		if !errors.As(err, &to) || to.JobHandle != req.JobHandle || time.Since(start) != time.Minute {
			t.Fatalf("err %v after %v", err, time.Since(start))
		}
		// The log so far names no outcome yet.
		if len(res.Files) != 1 || res.Files[0].Outcome != NoWord || len(res.Logs) != 1 {
			t.Errorf("result %+v", res)
		}
		if !errors.As(ended.Err, &to) || len(ended.Files) != 1 {
			t.Errorf("ended %+v", ended)
		}
	})
}

func TestFollowCancelled(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c, req := bubbleUpload(t, time.Hour, map[string]string{"a.jpg": "\xFF\xD8\xFFa"})
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		defer cancel()
		_, err := c.Follow(ctx, req, nil)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err %v", err)
		}
	})
}

func TestFollowRefused(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c, req := bubbleUpload(t, time.Hour, map[string]string{"a.jpg": "\xFF\xD8\xFFa"})
		req.Credentials.Password = "wrong"
		start := time.Now()
		_, err := c.Follow(t.Context(), req, nil)
		var f *Fault
		if !errors.As(err, &f) || !f.Auth() || time.Since(start) != 0 {
			t.Fatalf("err %v after %v: a refusal is final at once", err, time.Since(start))
		}
	})
}

func TestFollowSettings(t *testing.T) {
	_, err := NewClient().Follow(t.Context(), FollowRequest{Conn: Conn{Endpoint: Endpoint{APIURL: "https://s7sps1apissl.scene7.com/scene7/services/IpsApiService"}}}, nil)
	var se *SettingsError
	if !errors.As(err, &se) || len(se.Problems) != 3 {
		t.Fatalf("err %v", err)
	}
}

// The whole log is read page after page, whatever its length.
func TestJobLogReadsEveryPage(t *testing.T) {
	defer func(n int) { logPageSize = n }(logPageSize)
	logPageSize = 3
	synctest.Test(t, func(t *testing.T) {
		files := map[string]string{}
		for _, n := range []string{"a", "b", "c", "d", "e", "f", "g"} {
			files[n+".jpg"] = "\xFF\xD8\xFF" + n
		}
		c, req := bubbleUpload(t, 0, files)
		api := &API{HTTP: c.HTTP, Conn: req.Conn}
		logs, _, err := api.JobLog(t.Context(), req.JobHandle)
		if err != nil || len(logs) != 1 {
			t.Fatalf("%v %+v", err, logs)
		}
		// BeginUpload, 7 FileBegin, 7 processing lines, EndUpload: 16 lines, 6 pages.
		if l := logs[0]; len(l.Details) != 16 || l.DetailTotalRows != 16 || l.Details[15].LogType != "EndUpload" {
			t.Errorf("%d details of %d", len(l.Details), l.DetailTotalRows)
		}
		if outs := MatchOutcomes(logs, req.DestFolder, req.Files); CountOutcomes(outs, Processed) != 7 {
			t.Errorf("outcomes %+v", outs)
		}
	})
}
