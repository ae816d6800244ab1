package main

import (
	"flag"
	"time"

	"hoist/internal/words"
	"hoist/uploader"
)

// netFlags are upload's settings for the network at the office: how long a silent
// server is waited for, how much of the link the upload may take.
type netFlags struct {
	stallTimeout time.Duration
	bwlimit      string
	proxy        string
	caFile       string
}

func addNetFlags(fs *flag.FlagSet) *netFlags {
	n := &netFlags{}
	fs.DurationVar(&n.stallTimeout, "stall-timeout", uploader.DefaultResponseTimeout, words.T("cli.flag.stall_timeout", nil))
	fs.StringVar(&n.bwlimit, "bwlimit", "", words.T("cli.flag.bwlimit", nil))
	fs.StringVar(&n.proxy, "proxy", "", words.T("cli.flag.proxy", nil))
	fs.StringVar(&n.caFile, "ca-file", "", words.T("cli.flag.ca_file", nil))
	return n
}

// problems says what is wrong with the flags, as sentences.
func (n *netFlags) problems() []string {
	var out []string
	if n.stallTimeout < time.Second {
		out = append(out, words.T("cli.problem.stall_timeout", words.A{"Value": n.stallTimeout.String()}))
	}
	if _, err := uploader.ParseRate(n.bwlimit); err != nil {
		out = append(out, words.T("cli.flag_problem", words.A{"Flag": "--bwlimit", "Problem": words.Error(err)}))
	}
	if _, err := uploader.ParseProxy(n.proxy); err != nil {
		out = append(out, words.T("cli.flag_problem", words.A{"Flag": "--proxy", "Problem": words.Error(err)}))
	}
	if n.caFile != "" {
		// Checked on a throwaway client; apply adds it to the real one.
		if err := uploader.AddCAFile(uploader.NewClient().HTTP, n.caFile); err != nil {
			out = append(out, words.T("cli.flag_problem", words.A{"Flag": "--ca-file", "Problem": words.Error(err)}))
		}
	}
	return out
}

// apply sets the flags on a client.
func (n *netFlags) apply(c *uploader.Client) {
	c.ResponseTimeout = n.stallTimeout
	if r, err := uploader.ParseRate(n.bwlimit); err == nil {
		c.Bandwidth.SetLimit(r)
	}
	_ = uploader.SetProxy(c.HTTP, n.proxy) // checked by problems before
	if n.caFile != "" {
		_ = uploader.AddCAFile(c.HTTP, n.caFile) // checked by problems before
	}
}
