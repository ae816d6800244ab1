package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"

	"hoist/internal/words"
	"hoist/uploader"
)

// Exit statuses of every command (PRODUCT.md).
const (
	exitOK     = 0 // everything asked for was done
	exitFailed = 1 // some file failed, the credentials were rejected, the server refused
	exitUsage  = 2 // bad usage or settings: nothing was sent
)

// cli is one invocation: its streams, environment and context. Tests build one with their
// own streams and a context they cancel, instead of signals.
type cli struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	// command is the name of the command running, once known: "upload".
	command string
}

// run is the whole program but for the process exit, so tests can call it in-process.
// SIGINT, SIGTERM and SIGHUP (the terminal or the ssh session closed) cancel the context:
// an upload then ends its job cleanly. Once they have, the signals get their default
// effect back, so a second Ctrl-C quits at once.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals()...)
	defer stop()
	context.AfterFunc(ctx, stop)
	out := &watchedOutput{w: stdout}
	c := &cli{ctx: ctx, stdin: stdin, stdout: out, stderr: stderr, getenv: getenv}
	return c.outputChecked(c.main(args), out)
}

// stopSignals are the signals that end a command cleanly. SIGHUP only when it is not
// ignored: under nohup, asking for it would undo the ignoring, and closing the terminal
// would stop the upload nohup was meant to keep going.
func stopSignals() []os.Signal {
	sigs := []os.Signal{os.Interrupt, syscall.SIGTERM}
	if !signal.Ignored(syscall.SIGHUP) {
		sigs = append(sigs, syscall.SIGHUP)
	}
	return sigs
}

// command is one subcommand: its help and what it does.
type command struct {
	name     string
	args     string   // after the flags in the usage line
	summary  string   // message ID: one line, shown in the command list and atop its help
	more     []string // message IDs of the paragraphs of its help: exit statuses, where things come from
	examples []string
	// flags registers the command's flags, so that help can list them without running it.
	flags func(fs *flag.FlagSet)
	run   func(c *cli, cmd *command, args []string) int
}

// versionEntry and helpEntry are listed with the commands; main runs them itself.
var (
	versionEntry = &command{name: "version", summary: "cli.version.summary"}
	helpEntry    = &command{name: "help", summary: "cli.help.summary"}
)

// commands is filled in init: help and the commands refer to each other.
var commands []*command

func init() {
	commands = []*command{
		uploadCommand, checkLoginCommand, jobsCommand, jobLogCommand,
		sandboxCommand, loginCommand, logoutCommand,
	}
}

func lookup(name string) *command {
	for _, cmd := range commands {
		if cmd.name == name {
			return cmd
		}
	}
	return nil
}

// The command line's sentences name its flags where the window's name a control ("upload
// again with --overwrite", not "turn on Overwrite"): chosen once for the process, before
// anything is said.
func init() { words.CommandLine(true) }

func (c *cli) main(args []string) int {
	lang, args, ok := langFlag(args)
	words.Use(words.Choose(lang, c.getenv))
	if !ok || lang != "" && words.Supported(lang) == "" {
		fmt.Fprintln(c.stderr, words.T("cli.lang.unknown", words.A{"Lang": lang}))
		return exitUsage
	}
	if len(args) == 0 {
		c.overview(c.stderr)
		return exitUsage
	}
	switch name := args[0]; name {
	case "help", "-h", "-help", "--help":
		c.command = "help"
		return c.help(args[1:])
	case "version", "-version", "--version":
		c.command = "version"
		fmt.Fprintln(c.stdout, words.T("cli.version", words.A{"Version": uploader.Version, "Go": runtime.Version(), "OS": runtime.GOOS, "Arch": runtime.GOARCH}))
		return exitOK
	default:
		cmd := lookup(name)
		if cmd == nil {
			fmt.Fprintln(c.stderr, words.T("cli.unknown_command", words.A{"Name": name}))
			return exitUsage
		}
		c.command = cmd.name
		return cmd.run(c, cmd, args[1:])
	}
}

func (c *cli) help(args []string) int {
	switch len(args) {
	case 0:
		c.overview(c.stdout)
		return exitOK
	case 1:
		cmd := lookup(args[0])
		if cmd == nil {
			fmt.Fprintln(c.stderr, words.T("cli.unknown_command", words.A{"Name": args[0]}))
			return exitUsage
		}
		fs := flag.NewFlagSet("hoist "+cmd.name, flag.ContinueOnError)
		cmd.flags(fs)
		cmd.usage(c.stdout, fs)
		return exitOK
	}
	fmt.Fprintln(c.stderr, words.T("cli.help.too_many", nil))
	return exitUsage
}

func (c *cli) overview(w io.Writer) {
	fmt.Fprintln(w, words.T("cli.overview.intro", nil))
	fmt.Fprintln(w, "\n"+words.T("cli.overview.usage", nil)+"\n\n"+words.T("cli.overview.commands", nil))
	for _, cmd := range append(commands, versionEntry, helpEntry) {
		fmt.Fprintf(w, "  %-12s %s\n", cmd.name, words.T(cmd.summary, nil))
	}
	fmt.Fprintln(w, "\n"+words.T("cli.overview.more", nil))
	fmt.Fprintln(w, words.T("cli.overview.lang", nil))
	fmt.Fprintln(w, words.T("cli.overview.password", nil))
}

func (cmd *command) usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "%s\n\n%s\n", words.T("cli.usage", words.A{"Command": cmd.name, "Args": cmd.args}), words.T(cmd.summary, nil))
	if len(cmd.more) > 0 {
		fmt.Fprintln(w)
		for _, id := range cmd.more {
			fmt.Fprintln(w, words.T(id, nil))
		}
	}
	if len(cmd.examples) > 0 {
		fmt.Fprintln(w, "\n"+words.T("cli.usage.examples", nil))
		for _, e := range cmd.examples {
			fmt.Fprintf(w, "  %s\n", e)
		}
	}
	fmt.Fprintln(w, "\n"+words.T("cli.usage.flags", nil))
	fs.VisitAll(func(f *flag.Flag) {
		typ, text := flag.UnquoteUsage(f)
		if typ != "" && !strings.Contains(f.Usage, "`") {
			// Without a `NAME` in its help, the flag package names the value by its Go
			// type ("duration", "int"): a word, in the language of the rest of the help.
			typ = words.T("cli.value."+typ, nil)
		}
		fmt.Fprintf(w, "  --%s", f.Name)
		if typ != "" {
			fmt.Fprintf(w, " %s", typ)
		}
		fmt.Fprintf(w, "\n      %s", strings.ReplaceAll(text, "\n", "\n      "))
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			fmt.Fprint(w, " "+words.T("cli.usage.default", words.A{"Value": f.DefValue}))
		}
		fmt.Fprintln(w)
	})
	fmt.Fprintf(w, "  --lang %s\n      %s\n", "en|fr|ja", words.T("cli.flag.lang", nil))
}

// complain writes a line on stderr on behalf of a command: "hoist upload: …".
func (c *cli) complain(command, text string) {
	fmt.Fprintln(c.stderr, words.T("cli.says", words.A{"Command": command, "Text": text}))
}

// warn writes a warning on stderr on behalf of a command: "hoist upload: warning: …".
func (c *cli) warn(command, text string) {
	fmt.Fprintln(c.stderr, words.T("cli.warning", words.A{"Command": command, "Text": text}))
}

// errUsage marks the errors of parse that have been reported; the command exits 2.
var errUsage = errors.New("hoist/usage")

// errHelp is returned by parse after it printed the command's help; the command exits 0.
var errHelp = errors.New("hoist/help")

// parse parses a command's arguments. Flags may come before, between or after the
// positional arguments (hoist upload ./dir --dest-folder x); "--" ends the flags. The
// errors are already reported on stderr.
func (c *cli) parse(cmd *command, fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	flags, positional, unknown := splitArgs(fs, args)
	for _, name := range unknown {
		// There is deliberately no --password: argv is visible to every user of the
		// machine and lands in shell histories. The value is never echoed.
		if name == "password" {
			fmt.Fprintln(c.stderr, words.T("cli.no_password_flag", words.A{"Command": cmd.name}))
			return nil, errUsage
		}
	}
	if err := fs.Parse(flags); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			cmd.usage(c.stdout, fs)
			return nil, errHelp
		}
		return nil, c.usageErr(cmd, flagError(fs, err))
	}
	return append(positional, fs.Args()...), nil
}

// usageErr reports a usage problem with a pointer to the command's help.
func (c *cli) usageErr(cmd *command, problem string) error {
	fmt.Fprintln(c.stderr, words.T("cli.usage_error", words.A{"Command": cmd.name, "Problem": problem}))
	return errUsage
}

// exitFor maps the errors of parse (and of the steps before any request) to exit statuses.
func exitFor(err error) int {
	if errors.Is(err, errHelp) {
		return exitOK
	}
	return exitUsage
}

// splitArgs separates flags (with their values) from positional arguments, so that flags
// may follow paths. A flag's value is the next argument unless the flag is boolean or
// written --name=value. Unknown flags are kept for fs.Parse to report, and their names
// returned in unknown.
func splitArgs(fs *flag.FlagSet, args []string) (flags, positional, unknown []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return flags, append(positional, args[i+1:]...), unknown
		}
		if len(a) < 2 || a[0] != '-' {
			positional = append(positional, a)
			continue
		}
		flags = append(flags, a)
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f := fs.Lookup(name)
		if f == nil {
			unknown = append(unknown, name)
			continue
		}
		if hasValue {
			continue
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return flags, positional, unknown
}

// setFlags returns the names of the flags given on the command line.
func setFlags(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}
