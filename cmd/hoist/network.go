package main

import (
	"flag"
	"time"

	"hoist/internal/words"
	"hoist/uploader"
)

// netFlags are the settings for the network at the office that every command talking to
// a server takes (how long a silent server is waited for, the proxy, a CA file), and
// upload's share of the link. Given on the command line they override the connection's
// own (--profile).
type netFlags struct {
	stallTimeout time.Duration
	bwlimit      string
	proxy        string
	caFile       string
}

func addNetFlags(fs *flag.FlagSet, withBandwidth bool) *netFlags {
	n := &netFlags{}
	fs.DurationVar(&n.stallTimeout, "stall-timeout", uploader.DefaultResponseTimeout, words.T("cli.flag.stall_timeout", nil))
	if withBandwidth {
		fs.StringVar(&n.bwlimit, "bwlimit", "", words.T("cli.flag.bwlimit", nil))
	}
	fs.StringVar(&n.proxy, "proxy", "", words.T("office.flag.proxy", nil))
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
	// A password in --proxy is refused: argv is readable by every user of the computer
	// (ps); the sentence says to leave --proxy out and put the login in HTTPS_PROXY.
	if _, err := uploader.ParseProxyFrom(n.proxy, uploader.ProxyExplicit); err != nil {
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

// proxyProblems says what is wrong with the proxy a connection (--profile) brings, when
// no --proxy replaces it: one saved with a password is refused before any request, with
// the sentence that says where the login belongs.
func (cn conn) proxyProblems() []string {
	if _, err := uploader.ParseProxyFrom(cn.Network.Proxy, uploader.ProxyConnection); err != nil {
		return []string{words.Error(err)}
	}
	return nil
}

// override drops from a connection's own network settings those the flags replace (set:
// the flags given), so that the flags apply through the client (apply).
func (n *netFlags) override(net uploader.Network, set map[string]bool) uploader.Network {
	if set["proxy"] {
		net.Proxy = ""
	}
	if set["ca-file"] {
		net.CAFile = ""
	}
	if set["stall-timeout"] {
		net.StallTimeout = 0
	}
	return net
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
