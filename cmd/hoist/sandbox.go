package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/uploader"
)

var sandboxCommand = &command{
	name:    "sandbox",
	summary: "cli.sandbox.summary",
	more:    []string{"cli.sandbox.more"},
	examples: []string{
		`hoist sandbox`,
		`hoist sandbox --addr 127.0.0.1:8080 --dir /tmp/hoist-sandbox --quiet`,
		`hoist sandbox --processing 30s`,
		`hoist sandbox --refuse-file bad.jpg --expire-every 5`,
	},
	flags: func(fs *flag.FlagSet) { newSandboxFlags(fs) },
	run:   runSandbox,
}

type sandboxFlags struct {
	addr, dir  string
	quiet      bool
	processing time.Duration
	faults     *faultFlags
}

func newSandboxFlags(fs *flag.FlagSet) *sandboxFlags {
	f := &sandboxFlags{}
	fs.StringVar(&f.addr, "addr", "127.0.0.1:0", words.T("cli.flag.addr", nil))
	fs.StringVar(&f.dir, "dir", "", words.T("cli.flag.dir", nil))
	fs.BoolVar(&f.quiet, "quiet", false, words.T("cli.flag.quiet", nil))
	fs.DurationVar(&f.processing, "processing", sandbox.DemoProcessingTime, words.T("cli.flag.processing", nil))
	f.faults = addFaultFlags(fs)
	return f
}

func runSandbox(c *cli, cmd *command, args []string) int {
	fs := flag.NewFlagSet("hoist sandbox", flag.ContinueOnError)
	f := newSandboxFlags(fs)
	pos, err := c.parse(cmd, fs, args)
	if err != nil {
		return exitFor(err)
	}
	if len(pos) > 0 {
		return exitFor(c.usageErr(cmd, "sandbox takes no arguments (got %d)", len(pos)))
	}
	host, _, err := net.SplitHostPort(f.addr)
	if err != nil || !uploader.IsLoopbackHost(host) {
		return exitFor(c.usageErr(cmd, "--addr %q: the sandbox only listens on this computer; use 127.0.0.1:PORT, [::1]:PORT or localhost:PORT", f.addr))
	}
	if f.processing < 0 {
		return exitFor(c.usageErr(cmd, "--processing %s: give a duration of 0 or more, e.g. 5s", f.processing))
	}
	if msg := f.faults.check(); msg != "" {
		return exitFor(c.usageErr(cmd, "%s", msg))
	}
	dir := f.dir
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			return exitFor(c.usageErr(cmd, "there is no cache folder to keep the sandbox's files in (%v); pass --dir", err))
		}
		dir = filepath.Join(cache, "Hoist", "sandbox")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return exitFor(c.usageErr(cmd, "cannot create the sandbox folder: %v", err))
	}
	cfg := sandbox.Config{Dir: dir, ProcessingTime: f.processing}
	if !f.quiet {
		log := &lockedWriter{w: c.stderr}
		cfg.Logf = func(format string, args ...any) { fmt.Fprintf(log, format+"\n", args...) }
	}
	r, err := sandbox.Start(cfg, f.addr)
	if err != nil {
		fmt.Fprintf(c.stderr, "hoist sandbox: %v\n", err)
		return exitFailed
	}
	r.SetFaults(f.faults.f)
	fmt.Fprint(c.stdout, r.Banner())
	fmt.Fprint(c.stdout, f.faults.summary())
	fmt.Fprintf(c.stdout, "\nTry it:\n  printf '%%s\\n' %s | hoist upload --password-stdin --endpoint %s --user %s --company '%s' --dest-folder demo PATH\n",
		sandbox.DemoPassword, r.Scene7UploadURL(), sandbox.DemoUser, sandbox.DemoCompany)
	fmt.Fprintln(c.stderr, "Press Ctrl-C to stop the sandbox.")
	<-c.ctx.Done()
	if err := r.Close(); err != nil {
		fmt.Fprintf(c.stderr, "hoist sandbox: %v\n", err)
		return exitFailed
	}
	fmt.Fprintln(c.stderr, "Sandbox stopped.")
	return exitOK
}

// lockedWriter serialises the request log: the sandbox logs from its handlers'
// goroutines, and lines must not interleave.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
