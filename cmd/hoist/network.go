package main

import (
	"flag"
	"fmt"
	"time"

	"hoist/uploader"
)

// netFlags are upload's settings for the network at the office: how long a silent
// server is waited for.
type netFlags struct {
	stallTimeout time.Duration
}

func addNetFlags(fs *flag.FlagSet) *netFlags {
	n := &netFlags{}
	fs.DurationVar(&n.stallTimeout, "stall-timeout", uploader.DefaultResponseTimeout, "a request without progress for `DURATION` counts as stalled and is retried (3 stalls\nfail the upload), e.g. 2m for a server known to think long")
	return n
}

// problems says what is wrong with the flags, as sentences.
func (n *netFlags) problems() []string {
	var out []string
	if n.stallTimeout < time.Second {
		out = append(out, fmt.Sprintf("--stall-timeout %s: give at least a second, e.g. 30s", n.stallTimeout))
	}
	return out
}

// apply sets the flags on a client.
func (n *netFlags) apply(c *uploader.Client) {
	c.ResponseTimeout = n.stallTimeout
}
