package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
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
		return exitFor(c.usageErr(cmd, words.N("cli.problem.no_arguments", len(pos), words.A{"Command": cmd.name})))
	}
	host, _, err := net.SplitHostPort(f.addr)
	if err != nil || !uploader.IsLoopbackHost(host) {
		return exitFor(c.usageErr(cmd, words.T("cli.problem.sandbox_addr", words.A{"Value": f.addr})))
	}
	if f.processing < 0 {
		return exitFor(c.usageErr(cmd, words.T("cli.problem.processing", words.A{"Value": f.processing.String()})))
	}
	if msg := f.faults.check(); msg != "" {
		return exitFor(c.usageErr(cmd, msg))
	}
	dir := f.dir
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			return exitFor(c.usageErr(cmd, words.T("cli.problem.sandbox_no_cache", words.A{"Reason": err.Error()})))
		}
		dir = filepath.Join(cache, "Hoist", "sandbox")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return exitFor(c.usageErr(cmd, words.T("cli.problem.sandbox_dir", words.A{"Reason": err.Error()})))
	}
	cfg := sandbox.Config{Dir: dir, ProcessingTime: f.processing}
	if !f.quiet {
		log := &lockedWriter{w: c.stderr}
		cfg.Logf = func(format string, args ...any) { fmt.Fprintf(log, format+"\n", args...) }
	}
	r, err := sandbox.Start(cfg, f.addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		// Go's "bind: address already in use" says nothing of what to do.
		c.complain(cmd.name, words.T("cli.sandbox.addr_in_use", words.A{"Addr": f.addr}))
		return exitFailed
	}
	if err != nil {
		c.complain(cmd.name, words.T("cli.sandbox.not_started", words.A{"Reason": err.Error()}))
		return exitFailed
	}
	r.SetFaults(f.faults.f)
	fmt.Fprint(c.stdout, banner(r))
	if s := f.faults.summary(); s != "" {
		fmt.Fprintln(c.stdout, s)
	}
	fmt.Fprintln(c.stdout, "\n"+words.T("cli.sandbox.try", words.A{
		"Password": sandbox.DemoPassword, "URL": r.Scene7UploadURL(), "User": sandbox.DemoUser, "Company": sandbox.DemoCompany,
	}))
	fmt.Fprintln(c.stderr, words.T("cli.sandbox.stop_hint", nil))
	<-c.ctx.Done()
	if err := r.Close(); err != nil {
		c.complain(cmd.name, words.T("cli.sandbox.not_stopped", words.A{"Reason": err.Error()}))
		return exitFailed
	}
	fmt.Fprintln(c.stderr, words.T("cli.sandbox.stopped", nil))
	return exitOK
}

// banner is where the sandbox listens and what to sign in with, for each service.
func banner(r *sandbox.Running) string {
	var sb strings.Builder
	line := func(label, value string) {
		fmt.Fprintf(&sb, "  %s %s\n", words.T(label, nil), value)
	}
	fmt.Fprintln(&sb, words.T("cli.sandbox.listening", words.A{"URL": r.URL}))
	fmt.Fprintln(&sb, "\n"+words.T("cli.sandbox.scene7_title", nil))
	line("cli.sandbox.upload_url", r.Scene7UploadURL())
	line("cli.sandbox.api_url", r.Scene7APIURL())
	line("cli.sandbox.user", sandbox.DemoUser)
	line("cli.sandbox.password", sandbox.DemoPassword)
	line("cli.sandbox.company", sandbox.DemoCompany)
	line("cli.sandbox.files", r.Scene7File(sandbox.DemoCompany, ""))
	fmt.Fprintln(&sb, "\n"+words.T("cli.sandbox.drsum_title", nil))
	line("cli.sandbox.upload_url", r.DrSumUploadURL())
	line("cli.sandbox.user", sandbox.DrSumUser)
	line("cli.sandbox.password", sandbox.DrSumPassword)
	line("cli.sandbox.filer_root", words.T("cli.sandbox.filer_root_value", words.A{"Root": sandbox.DrSumRoot}))
	line("cli.sandbox.files", r.DrSumFile(sandbox.DrSumRoot, ""))
	return sb.String()
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
