package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"hoist/internal/words"
	"hoist/uploader"
)

// maxConcurrency bounds --concurrency: more parallel POSTs than this only hurt the server.
const maxConcurrency = 32

var uploadCommand = &command{
	name:    "upload",
	args:    "PATH...",
	summary: "cli.upload.summary",
	more:    []string{"cli.upload.more", "cli.upload.more_preflight", "cli.upload.more_wait", "cli.help.password", "cli.upload.more_bar"},
	examples: []string{
		`printf '%s\n' "$PASSWORD" | hoist upload --password-stdin --user me@example.com --company 'c|2101' --dest-folder spring ./campaign`,
		`HOIST_PASSWORD=... hoist upload --region emea --staging --user me@example.com --company 'c|2101' --preset web.json ./img`,
		`hoist upload --profile Production ./campaign --dest-folder spring --json > upload.jsonl`,
		`hoist upload --profile Production --wait --publish-base https://s7d9.scene7.com/is/image/Acme/ ./campaign`,
		`hoist upload --service drsum --endpoint https://drsum.example.com/api/v1.0/file/upload --user apiuser01 --dest-folder /filer/sales ./sales.csv`,
	},
	flags: func(fs *flag.FlagSet) { newUploadFlags(fs) },
	run:   runUpload,
}

type uploadFlags struct {
	fs          *flag.FlagSet
	conn        *connFlags
	opts        *optionFlags
	jobName     string
	destFolder  string
	concurrency int
	json        bool
	followLinks bool
	strictNames bool
	wait        bool
	waitLimit   time.Duration
	net         *netFlags
}

func newUploadFlags(fs *flag.FlagSet) *uploadFlags {
	f := &uploadFlags{fs: fs, conn: addConnFlags(fs)}
	fs.StringVar(&f.jobName, "job-name", "", words.T("cli.flag.job_name", nil))
	fs.StringVar(&f.destFolder, "dest-folder", "", words.T("cli.flag.dest_folder", nil))
	f.opts = addOptionFlags(fs)
	fs.IntVar(&f.concurrency, "concurrency", uploader.DefaultConcurrency, words.T("cli.flag.concurrency", words.A{"Max": maxConcurrency}))
	fs.BoolVar(&f.json, "json", false, words.T("cli.flag.json_events", nil))
	fs.BoolVar(&f.followLinks, "follow-links", false, words.T("cli.flag.follow_links", nil))
	fs.BoolVar(&f.strictNames, "strict-names", false, words.T("cli.flag.strict_names", nil))
	fs.BoolVar(&f.wait, "wait", false, words.T("cli.flag.wait", nil))
	fs.DurationVar(&f.waitLimit, "wait-limit", uploader.DefaultFollowLimit, words.T("cli.flag.wait_limit", nil))
	f.net = addNetFlags(fs, true)
	f.conn.net = f.net
	return f
}

func runUpload(c *cli, cmd *command, args []string) int {
	// First, before the flags load the sentences: the later the switch, the dearer
	// (oneProcessor, procs.go).
	oneProc := oneProcessor(c.getenv)
	defer oneProc()
	fs := flag.NewFlagSet("hoist upload", flag.ContinueOnError)
	f := newUploadFlags(fs)
	paths, err := c.parse(cmd, fs, args)
	if err != nil {
		return exitFor(err)
	}
	req, base, problems := c.uploadRequest(f, paths)
	if len(problems) > 0 {
		return exitFor(c.problems(cmd, problems))
	}
	client := uploader.NewClient(func(cl *uploader.Client) { cl.Concurrency = f.concurrency }, f.net.apply)
	var onEvent func(uploader.Event)
	out, flush, unpace := newPacedWriter(c.stdout)
	defer flush() // a panic of this goroutine loses no line either
	if f.json {
		onEvent = newJSONView(out).event
	} else {
		v := newHumanView(out, c.stderr, liveTerminal(c.stderr, c.getenv))
		v.flush = flush
		onEvent = v.event
	}
	notice := context.AfterFunc(c.ctx, func() {
		unpace()
		fmt.Fprintln(c.stderr)
		c.complain("upload", words.T("cli.upload.interrupted", nil))
	})
	res, err := client.Upload(c.ctx, req, onEvent)
	oneProc()
	notice()
	flush() // before anything else is written, to stderr or to stdout
	if res == nil {
		// Settings the engine refused before any request: nothing was sent.
		c.complain("upload", words.Error(err))
		return exitUsage
	}
	code := c.reportUpload(res, err)
	if f.wait && req.Endpoint.Service == uploader.Scene7 && c.ctx.Err() == nil {
		code = max(code, c.followUpload(client, req, res, f, base))
	}
	return code
}

// uploadRequest checks every setting before anything is sent and returns all problems at
// once, as sentences.
func (c *cli) uploadRequest(f *uploadFlags, paths []string) (uploader.Request, string, []string) {
	var problems []string
	set := setFlags(f.fs)
	cn, err := c.resolve(f.conn)
	if err != nil {
		problems = append(problems, words.Error(err))
	}
	opts, presetFolder, optProblems := f.opts.build(c, set)
	req := uploader.Request{
		Conn: cn.Conn, Options: opts,
		JobName: strings.TrimSpace(f.jobName), DestFolder: strings.TrimSpace(f.destFolder),
	}
	if !set["dest-folder"] {
		// A preset's folder is more specific than the connection's.
		req.DestFolder = cmp.Or(presetFolder, cn.destFolder)
	}
	switch cn.Endpoint.Service {
	case uploader.Scene7:
		problems = append(problems, optProblems...)
		if cn.Company == "" {
			problems = append(problems, words.T("cli.problem.scene7_company", nil))
		}
	case uploader.DrSum:
		// The Dr.Sum API's own default is false, and a silent replace on a BI server loses
		// data: only --overwrite turns it on (a preset's overwrite is Scene7's choice).
		req.Options.Overwrite = set["overwrite"] && f.opts.overwrite
		if req.DestFolder == "" {
			problems = append(problems, words.T("cli.problem.drsum_folder", nil))
		}
		for _, name := range scene7OnlyFlags {
			if set[name] {
				c.warn("upload", words.T("cli.upload.scene7_only_flag", words.A{"Flag": "--" + name}))
			}
		}
	}
	if cn.Credentials.User == "" && cn.Endpoint.Service != "" {
		problems = append(problems, words.T("cli.problem.user", nil))
	}
	if f.waitLimit <= 0 {
		problems = append(problems, words.T("cli.problem.wait_limit", words.A{"Value": f.waitLimit.String()}))
	}
	problems = append(problems, f.net.problems()...)
	problems = append(problems, cn.proxyProblems()...)
	if f.concurrency < 1 || f.concurrency > maxConcurrency {
		problems = append(problems, words.T("cli.problem.concurrency", words.A{"Value": f.concurrency, "Max": maxConcurrency}))
	}
	if len(paths) == 0 {
		problems = append(problems, words.T("cli.problem.no_paths", nil))
	} else {
		// The upload starts right after: its first POSTs need not look at the files again.
		req.Walked = time.Now()
		req.Items, req.Skipped = uploader.WalkWith(paths, uploader.WalkOptions{FollowLinks: f.followLinks})
		problems = append(problems, pathProblems(paths, req.Items, req.Skipped)...)
		// Name warnings only once the settings are right: while the upload cannot go,
		// they would bury the one sentence that says why.
		if cn.Endpoint.Service == uploader.Scene7 && len(problems) == 0 {
			problems = append(problems, c.preflight(req.Items, f.strictNames)...)
		}
	}
	if len(problems) > 0 {
		return req, cn.publishBase, problems
	}
	pw, err := c.password(f.conn, cn)
	if err != nil {
		return req, cn.publishBase, []string{words.Error(err)}
	}
	req.Credentials.Password = pw
	return req, cn.publishBase, nil
}

// pathProblems are the paths named on the command line that will not be uploaded at all
// (missing, unreadable, a system file), in Walk's words: a script that names a path
// expects it to be sent, so nothing is. Files left out inside a named folder are only
// reported as skipped.
func pathProblems(paths []string, items []uploader.Item, skipped []uploader.Skipped) []string {
	named := map[string]bool{}
	for _, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			named[filepath.Clean(abs)] = true
		}
	}
	said := map[string]bool{} // the named paths whose own skip says why
	var problems []string
	for _, s := range skipped {
		if named[s.Path] || len(items) == 0 {
			problems = append(problems, words.Skip(s))
			said[s.Path] = named[s.Path]
		}
	}
	if len(items) == 0 {
		// Only for the paths their own skip has not explained: a missing file read
		// "is no longer there" and then "there is no file to upload in" it.
		var empty []string
		for _, p := range paths {
			if abs, err := filepath.Abs(p); err != nil || !said[filepath.Clean(abs)] {
				empty = append(empty, p)
			}
		}
		if len(empty) > 0 {
			problems = append(problems, words.T("cli.problem.nothing_in", words.A{"Paths": strings.Join(empty, ", ")}))
		}
	}
	return problems
}

// unsupportedListed is how many files of one format Scene7 does not process are named
// one by one in the pre-flight's warnings.
const unsupportedListed = 3

// preflight prints a line on stderr per Scene7 name warning, naming the file and its asset
// ID; with strict, any warning is a problem (exit 2, nothing sent).
func (c *cli) preflight(items []uploader.Item, strict bool) []string {
	rels := make([]string, len(items))
	for i, it := range items {
		rels[i] = it.Rel
	}
	warnings := uploader.Preflight(rels)
	// A folder of files of one format Scene7 does not process would print a line per
	// file, all saying the same, burying the warnings that differ: the first few of each
	// format are listed, then one line counts the rest.
	unsupported := map[string]int{}
	var formats []string
	for _, w := range warnings {
		if w.Kind == uploader.WarnUnsupported && w.Ext != "" {
			if unsupported[w.Ext]++; unsupported[w.Ext] == 1 {
				formats = append(formats, w.Ext)
			}
			if unsupported[w.Ext] > unsupportedListed {
				continue
			}
		}
		c.warn("upload", words.T("cli.upload.name_warning", words.A{"File": words.FileName(w.Rel), "AssetID": words.ServerText(w.AssetID), "Reason": words.NameWarning(w)}))
	}
	for _, ext := range formats {
		if rest := unsupported[ext] - unsupportedListed; rest > 0 {
			c.warn("upload", words.N("cli.upload.more_unsupported", rest, words.A{"Ext": words.ServerText(ext)}))
		}
	}
	if strict && len(warnings) > 0 {
		return []string{words.N("cli.problem.strict_names", len(warnings), nil)}
	}
	return nil
}

// problems reports every settings problem (exit 2).
func (c *cli) problems(cmd *command, problems []string) error {
	if len(problems) == 1 {
		return c.usageErr(cmd, problems[0])
	}
	return c.usageErr(cmd, words.T("cli.problem.nothing_sent", nil)+"\n  - "+strings.Join(problems, "\n  - "))
}

// reportUpload names on stderr every file that was not uploaded, with its reason, and
// returns the exit status: 0 when every file was uploaded, 1 otherwise.
func (c *cli) reportUpload(res *uploader.Result, err error) int {
	var failed, notSent, cancelled []uploader.FileResult
	for _, f := range res.Files {
		switch {
		case f.State == uploader.StateFailed:
			failed = append(failed, f)
		case f.NotSent():
			// Nobody cancelled it: the upload stopped on the problem said above.
			notSent = append(notSent, f)
		case f.State == uploader.StateCancelled:
			cancelled = append(cancelled, f)
		}
	}
	jobSentence := ""
	switch {
	case errors.Is(err, uploader.ErrCancelled):
		c.complain("upload", words.N("cli.upload.cancelled", len(res.Files), words.A{"Done": res.Count(uploader.StateDone)}))
	case err != nil:
		jobSentence = words.Error(err)
		c.complain("upload", jobSentence)
	}
	if len(failed) > 0 {
		fmt.Fprintln(c.stderr, words.N("cli.upload.not_uploaded", len(failed), nil))
		for _, f := range failed {
			if s := words.Error(f.Err); s != jobSentence {
				fmt.Fprintln(c.stderr, "  "+words.T("cli.item", words.A{"File": words.FileName(f.Rel), "Reason": s}))
			} else {
				fmt.Fprintf(c.stderr, "  %s\n", words.FileName(f.Rel))
			}
		}
	}
	for _, list := range []struct {
		id    string
		files []uploader.FileResult
	}{{"cli.upload.not_sent", notSent}, {"cli.upload.cancelled_files", cancelled}} {
		if len(list.files) == 0 {
			continue
		}
		fmt.Fprintln(c.stderr, words.N(list.id, len(list.files), nil))
		for _, f := range list.files {
			fmt.Fprintf(c.stderr, "  %s\n", words.FileName(f.Rel))
		}
	}
	// A file left out of a folder for a problem (unreadable, a link out of the folder, a
	// bad name…) is a file the script asked for that did not arrive; system files and
	// links back to a folder already sent are left out by design.
	var left []uploader.Skipped
	for _, s := range res.Skipped {
		if !s.Kind.Expected() {
			left = append(left, s)
		}
	}
	if len(left) > 0 {
		fmt.Fprintln(c.stderr, words.N("cli.upload.left_out", len(left), nil))
		for _, s := range left {
			fmt.Fprintln(c.stderr, "  "+words.T("cli.item", words.A{"File": words.FileName(s.Rel), "Reason": words.Skip(s)}))
		}
	}
	if len(failed)+len(notSent)+len(cancelled)+len(left) > 0 {
		return exitFailed
	}
	return exitOK
}
