package main

import (
	"flag"
	"strings"
	"time"

	"hoist/internal/words"
	"hoist/sandbox"
)

// faultFlags are `hoist sandbox`'s fault injections, for demos and for trying a client
// against what real servers and the networks in front of them do (sandbox.Faults).
type faultFlags struct {
	f sandbox.Faults
}

// everyFlag is one "every Nth upload POST" injection: its flag, where its count goes, the
// message ID of its help and of its name in the banner's summary.
type everyFlag struct {
	name    string
	count   *int
	help    string
	summary string
}

func (ff *faultFlags) everyFlags() []everyFlag {
	f := &ff.f
	return []everyFlag{
		{"drop-every", &f.DropEvery, "cli.flag.drop_every", "cli.fault.dropped"},
		{"error500-every", &f.Error500Every, "cli.flag.error500_every", "cli.fault.error500"},
		{"garbage-every", &f.GarbageEvery, "cli.flag.garbage_every", "cli.fault.garbage"},
		{"busy-every", &f.Busy503Every, "cli.flag.busy_every", "cli.fault.busy"},
		{"stall-every", &f.StallEvery, "cli.flag.stall_every", "cli.fault.stall"},
		{"request-fault-every", &f.RequestFaultEvery, "cli.flag.request_fault_every", "cli.fault.request"},
		{"expire-every", &f.ExpireEvery, "cli.flag.expire_every", "cli.fault.expire"},
		{"html-every", &f.HTMLPageEvery, "cli.flag.html_every", "cli.fault.html"},
		{"early-answer-every", &f.EarlyAnswerEvery, "cli.flag.early_answer_every", "cli.fault.early_answer"},
	}
}

func addFaultFlags(fs *flag.FlagSet) *faultFlags {
	ff := &faultFlags{}
	for _, e := range ff.everyFlags() {
		fs.IntVar(e.count, e.name, 0, words.T(e.help, nil))
		if e.name == "stall-every" {
			fs.DurationVar(&ff.f.StallFor, "stall-for", 30*time.Second, words.T("cli.flag.stall_for", nil))
		}
	}
	fs.StringVar(&ff.f.RefuseFile, "refuse-file", "", words.T("cli.flag.refuse_file", nil))
	return ff
}

// check says which flag is wrong, or "".
func (ff *faultFlags) check() string {
	for _, e := range ff.everyFlags() {
		if *e.count < 0 {
			return words.T("cli.problem.fault_count", words.A{"Flag": "--" + e.name, "Value": *e.count})
		}
	}
	if ff.f.StallFor <= 0 {
		return words.T("cli.problem.stall_for", words.A{"Value": ff.f.StallFor.String()})
	}
	return ""
}

// summary is one line naming the injected faults, "" when there are none.
func (ff *faultFlags) summary() string {
	var on []string
	for _, e := range ff.everyFlags() {
		if *e.count > 0 {
			on = append(on, words.T(e.summary, words.A{"N": *e.count, "For": words.Duration(ff.f.StallFor)}))
		}
	}
	if ff.f.RefuseFile != "" {
		on = append(on, words.T("cli.fault.refuse_file", words.A{"Name": ff.f.RefuseFile}))
	}
	if len(on) == 0 {
		return ""
	}
	return words.T("cli.fault.summary", words.A{"Faults": strings.Join(on, words.T("cli.list_separator", nil))})
}
