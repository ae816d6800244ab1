package main

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"hoist/internal/words"
	"hoist/uploader"
)

// `hoist upload --wait` follows each Scene7 job after endJob until Scene7 has processed
// its files, then prints what became of each; `hoist job-log` prints the same per-file
// table for any job.

// followFirst is the first pause between two questions about a job; 0 = the engine's
// default. Tests shorten it.
var followFirst time.Duration

// followUpload follows every job of the upload that accepted files and returns the exit
// status: 1 when a file failed in Scene7 or a job could not be followed to its end.
func (c *cli) followUpload(client *uploader.Client, req uploader.Request, res *uploader.Result, f *uploadFlags, base string) int {
	code := exitOK
	for _, j := range res.Jobs {
		var rels []string
		for _, fr := range res.Files {
			if fr.State == uploader.StateDone && fr.JobHandle == j.Handle {
				rels = append(rels, fr.Rel)
			}
		}
		if len(rels) == 0 || c.ctx.Err() != nil {
			continue
		}
		fq := uploader.FollowRequest{
			Conn: req.Conn, JobHandle: j.Handle,
			DestFolder: req.DestFolder, Files: rels, Limit: f.waitLimit, First: followFirst,
		}
		var onEvent func(uploader.FollowEvent)
		if f.json {
			onEvent = newJSONFollowView(c.stdout, base).event
		} else {
			onEvent = newHumanFollowView(c.stdout, c.stderr, base, fq.Limit).event
		}
		fres, err := client.Follow(c.ctx, fq, onEvent)
		switch {
		case err != nil:
			fmt.Fprintf(c.stderr, "hoist upload: %s\n", words.Error(err))
			code = exitFailed
		case uploader.CountOutcomes(fres.Files, uploader.Failed) > 0:
			code = exitFailed
		}
		if fres != nil {
			c.reportFailedInScene7(fres.Files)
		}
	}
	return code
}

// reportFailedInScene7 names on stderr each file Scene7 could not process.
func (c *cli) reportFailedInScene7(outs []uploader.FileOutcome) {
	n := uploader.CountOutcomes(outs, uploader.Failed)
	if n == 0 {
		return
	}
	fmt.Fprintf(c.stderr, "%s uploaded but failed in Scene7:\n", plural(n, "file was", "files were"))
	for _, o := range outs {
		if o.Outcome == uploader.Failed {
			fmt.Fprintf(c.stderr, "  %s: %s\n", o.Rel, o.Message)
		}
	}
}

// outcomeMark is the first column of an outcome line.
func outcomeMark(o uploader.Outcome) string {
	switch o {
	case uploader.Processed:
		return "✓ ready"
	case uploader.Warnings:
		return "! warnings"
	case uploader.Failed:
		return "✗ failed in Scene7"
	}
	return "? no word from Scene7"
}

// outcomeLine is one file's outcome for people, with its link when it is ready and the
// connection has a published base.
func outcomeLine(o uploader.FileOutcome, base string) string {
	s := outcomeMark(o.Outcome) + "  " + o.Rel
	switch o.Outcome {
	case uploader.Processed:
		if link, err := uploader.PublishLink(base, o.AssetID); err == nil {
			s += "  " + link
		}
	case uploader.Warnings:
		if link, err := uploader.PublishLink(base, o.AssetID); err == nil {
			s += "  " + link
		}
		s += "  " + o.Message
	case uploader.Failed:
		s += "  " + o.Message
	}
	return s
}

// humanFollowView prints one line per file on out, and on errw what Scene7 is doing
// meanwhile (only when it changes, so that a log stays short).
type humanFollowView struct {
	out, errw io.Writer
	base      string
	limit     time.Duration
	progress  string
	files     []uploader.FileOutcome
}

func newHumanFollowView(out, errw io.Writer, base string, limit time.Duration) *humanFollowView {
	if limit <= 0 {
		limit = uploader.DefaultFollowLimit
	}
	return &humanFollowView{out: out, errw: errw, base: base, limit: limit}
}

func (v *humanFollowView) event(ev uploader.FollowEvent) {
	switch ev.Kind {
	case uploader.FollowStarted:
		fmt.Fprintf(v.errw, "Waiting for Scene7 to process job %s (up to %s)…\n", ev.JobHandle, formatDuration(v.limit))
	case uploader.JobProcessing:
		if ev.Progress != v.progress {
			v.progress = ev.Progress
			fmt.Fprintf(v.errw, "%s\n", ev.Message)
		}
	case uploader.FileProcessed:
		o := uploader.FileOutcome{Item: ev.Item, Rel: ev.Rel, AssetID: ev.AssetID, Outcome: ev.Outcome, Message: ev.Said}
		v.files = append(v.files, o)
		if ev.Item >= 0 {
			fmt.Fprintln(v.out, outcomeLine(o, v.base))
		}
	case uploader.FollowEnded:
		if ev.Err == nil {
			fmt.Fprintln(v.out, ev.Message)
		}
		if v.base == "" && uploader.CountOutcomes(v.files, uploader.Processed)+uploader.CountOutcomes(v.files, uploader.Warnings) > 0 {
			fmt.Fprintf(v.errw, "For links to the assets, pass --publish-base (or set it in the connection). %s.\n", uploader.WherePublishBase)
		}
	}
}

// jsonFollowEvent is one --json line of the follow-up. Outcome is "processed",
// "warnings", "failed" or "no word".
type jsonFollowEvent struct {
	Kind      uploader.FollowKind `json:"kind"`
	Time      string              `json:"time"`
	JobHandle string              `json:"job_handle"`
	File      string              `json:"file,omitempty"`
	AssetID   string              `json:"asset_id,omitempty"`
	Outcome   *uploader.Outcome   `json:"outcome,omitempty"`
	LogType   string              `json:"log_type,omitempty"`
	State     string              `json:"state,omitempty"`
	Progress  string              `json:"progress,omitempty"`
	Link      string              `json:"link,omitempty"`
	Message   string              `json:"message,omitempty"`
	Said      string              `json:"scene7_said,omitempty"`
	Error     string              `json:"error,omitempty"`
}

type jsonFollowView struct {
	view jsonView
	base string
}

func newJSONFollowView(w io.Writer, base string) jsonFollowView {
	return jsonFollowView{newJSONView(w), base}
}

func (v jsonFollowView) event(ev uploader.FollowEvent) {
	j := jsonFollowEvent{Kind: ev.Kind, Time: ev.Time.Format(time.RFC3339Nano), JobHandle: ev.JobHandle, File: ev.Rel,
		AssetID: ev.AssetID, LogType: ev.LogType, State: ev.State, Progress: ev.Progress, Message: ev.Message, Said: ev.Said}
	if ev.Kind == uploader.FileProcessed {
		o := ev.Outcome
		j.Outcome = &o
		if o == uploader.Processed || o == uploader.Warnings {
			j.Link, _ = uploader.PublishLink(v.base, ev.AssetID)
		}
	}
	if ev.Err != nil {
		j.Error = words.Error(ev.Err)
	}
	_ = v.view.enc.Encode(j)
}

// printOutcomes writes the per-file outcome table of a job's log.
func printOutcomes(w io.Writer, outs []uploader.FileOutcome, base string) {
	if len(outs) == 0 {
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  FILE\tASSET ID\tOUTCOME\tLINK\tSCENE7 SAID")
	for _, o := range outs {
		link := ""
		if o.Outcome == uploader.Processed || o.Outcome == uploader.Warnings {
			link, _ = uploader.PublishLink(base, o.AssetID)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", o.Rel, o.AssetID, o.Outcome, link, o.Message)
	}
	_ = tw.Flush()
	fmt.Fprintf(w, "  %s\n", uploader.OutcomeSummary(outs))
}
