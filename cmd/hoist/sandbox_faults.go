package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"hoist/sandbox"
)

// faultFlags are `hoist sandbox`'s fault injections, for demos and for trying a client
// against what real servers and the networks in front of them do (sandbox.Faults).
type faultFlags struct {
	f sandbox.Faults
}

func addFaultFlags(fs *flag.FlagSet) *faultFlags {
	ff := &faultFlags{}
	every := func(p *int, name, what string) {
		fs.IntVar(p, name, 0, "every `N`th upload POST: "+what+" (0: never)")
	}
	every(&ff.f.DropEvery, "drop-every", "read part of the body, then drop the connection")
	every(&ff.f.Error500Every, "error500-every", "answer HTTP 500 with an HTML error page")
	every(&ff.f.GarbageEvery, "garbage-every", "answer HTTP 200 with a body that is not XML")
	every(&ff.f.Busy503Every, "busy-every", "answer HTTP 503 (the server is overloaded) without handling it")
	every(&ff.f.StallEvery, "stall-every", "handle it, then wait --stall-for before answering")
	fs.DurationVar(&ff.f.StallFor, "stall-for", 30*time.Second, "how long a --stall-every answer waits")
	every(&ff.f.RequestFaultEvery, "request-fault-every", "Scene7 refuses the request itself (ipsApiFault 30003, invalid\nrequest XML)")
	every(&ff.f.ExpireEvery, "expire-every", "every running Scene7 job expires first, as after its idle timeout")
	every(&ff.f.HTMLPageEvery, "html-every", "answer HTTP 200 with an HTML sign-in page, as a proxy or captive\nportal does")
	every(&ff.f.EarlyAnswerEvery, "early-answer-every", "answer success after reading only the first 64 KiB of a larger\nbody (nothing is stored)")
	fs.StringVar(&ff.f.RefuseFile, "refuse-file", "", "Scene7 refuses every POST carrying a file of this `NAME` (ipsApiFault 30001\nnaming it), as the service refuses one file it cannot take")
	return ff
}

// check says which flag is wrong, or "".
func (ff *faultFlags) check() string {
	for name, n := range map[string]int{
		"drop-every": ff.f.DropEvery, "error500-every": ff.f.Error500Every, "garbage-every": ff.f.GarbageEvery,
		"busy-every":  ff.f.Busy503Every,
		"stall-every": ff.f.StallEvery, "request-fault-every": ff.f.RequestFaultEvery, "expire-every": ff.f.ExpireEvery,
		"html-every": ff.f.HTMLPageEvery, "early-answer-every": ff.f.EarlyAnswerEvery,
	} {
		if n < 0 {
			return fmt.Sprintf("--%s %d: give a count of 1 or more (0 turns it off)", name, n)
		}
	}
	if ff.f.StallFor <= 0 {
		return fmt.Sprintf("--stall-for %s: give a duration above 0, e.g. 30s", ff.f.StallFor)
	}
	return ""
}

// summary is one line naming the injected faults, "" when there are none.
func (ff *faultFlags) summary() string {
	var on []string
	add := func(n int, what string) {
		if n > 0 {
			on = append(on, fmt.Sprintf("%s every %d", what, n))
		}
	}
	add(ff.f.DropEvery, "dropped connection")
	add(ff.f.Error500Every, "HTTP 500")
	add(ff.f.GarbageEvery, "garbage")
	add(ff.f.Busy503Every, "HTTP 503")
	add(ff.f.StallEvery, "stall of "+ff.f.StallFor.String())
	add(ff.f.RequestFaultEvery, "request-level fault")
	add(ff.f.ExpireEvery, "expired jobs")
	add(ff.f.HTMLPageEvery, "HTML page")
	add(ff.f.EarlyAnswerEvery, "early answer")
	if ff.f.RefuseFile != "" {
		on = append(on, fmt.Sprintf("file-level fault for %q", ff.f.RefuseFile))
	}
	if len(on) == 0 {
		return ""
	}
	return "Injected faults (counted over upload POSTs): " + strings.Join(on, ", ") + "\n"
}
