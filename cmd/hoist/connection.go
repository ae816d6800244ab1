package main

import (
	"errors"
	"flag"
	"fmt"
	"net/url"
	"strings"

	"hoist/app/store"
	"hoist/internal/words"
	"hoist/uploader"
)

// connFlags are the flags every command that talks to a server shares.
type connFlags struct {
	fs                    *flag.FlagSet
	profile               string
	service, region       string
	staging               bool
	endpoint, apiEndpoint string
	allowInsecureHTTP     bool
	user, company         string
	passwordStdin         bool
	publishBase           string
	// net are the network flags of a command that talks to a server; nil for login
	// and logout, which only touch the keychain.
	net *netFlags
}

func addConnFlags(fs *flag.FlagSet) *connFlags {
	cf := &connFlags{fs: fs}
	fs.StringVar(&cf.profile, "profile", "", words.T("cli.flag.profile", nil))
	fs.StringVar(&cf.service, "service", "scene7", words.T("cli.flag.service", nil))
	fs.StringVar(&cf.region, "region", "na", words.T("cli.flag.region", nil))
	fs.BoolVar(&cf.staging, "staging", false, words.T("cli.flag.staging", nil))
	fs.StringVar(&cf.endpoint, "endpoint", "", words.T("cli.flag.endpoint", nil))
	fs.StringVar(&cf.apiEndpoint, "api-endpoint", "", words.T("cli.flag.api_endpoint", words.A{"Path": uploader.Scene7APIPath}))
	fs.BoolVar(&cf.allowInsecureHTTP, "allow-insecure-http", false, words.T("cli.flag.allow_insecure_http", nil))
	fs.StringVar(&cf.user, "user", "", words.T("cli.flag.user", nil))
	fs.BoolVar(&cf.passwordStdin, "password-stdin", false, words.T("cli.flag.password_stdin", nil))
	fs.StringVar(&cf.company, "company", "", words.T("cli.flag.company", nil))
	fs.StringVar(&cf.publishBase, "publish-base", "", words.T("cli.flag.publish_base", nil))
	return cf
}

// conn is a resolved connection: where requests go and as whom (the password is fetched
// separately, only when a command needs it: until then Credentials has the user only).
type conn struct {
	uploader.Conn
	destFolder string         // the profile's folder, the default of --dest-folder
	profile    *store.Profile // nil without --profile
	// publishBase is the published Image Serving base for links, "" when not known.
	publishBase string
}

// settings are a connection before it is turned into an Endpoint: a profile's values,
// then the flags given on the command line on top.
type settings struct {
	service           uploader.Service
	region            uploader.Region
	staging           bool
	endpoint, api     string
	allowInsecureHTTP bool
	user, company     string
}

// resolve turns the connection flags, on top of --profile, into a conn. Its errors are
// sentences about settings (exit 2); with an error about the endpoint, the conn still has
// the service, user and company, so that the other settings can be checked too.
func (c *cli) resolve(cf *connFlags) (conn, error) {
	s := settings{service: uploader.Scene7, region: uploader.RegionNA}
	var cn conn
	if cf.profile != "" {
		p, err := c.profile(cf.profile)
		if err != nil {
			return conn{}, err
		}
		cn.profile, cn.destFolder, cn.publishBase = &p, p.DestFolder, p.PublishBase
		cn.Network = p.Network() // the connection's own proxy, CA file, stall timeout
		s = settings{service: p.Service, region: p.Region, staging: p.Staging, endpoint: p.UploadURL, api: p.APIURL,
			allowInsecureHTTP: p.AllowInsecureHTTP, user: p.User, company: p.Company}
		if s.region == "" {
			s.region = uploader.RegionNA
		}
	}
	set := setFlags(cf.fs)
	if cf.net != nil {
		cn.Network = cf.net.override(cn.Network, set)
	}
	if set["service"] {
		svc, err := parseService(cf.service)
		if err != nil {
			return conn{}, err
		}
		s.service = svc
	}
	if set["region"] {
		r, err := uploader.ParseRegion(cf.region)
		if err != nil {
			return conn{}, err
		}
		s.region, s.endpoint, s.api = r, "", ""
	}
	if set["staging"] {
		s.staging, s.endpoint, s.api = cf.staging, "", ""
	}
	if set["endpoint"] {
		s.endpoint, s.api = cf.endpoint, ""
	}
	if set["api-endpoint"] {
		s.api = cf.apiEndpoint
	}
	if set["allow-insecure-http"] {
		s.allowInsecureHTTP = cf.allowInsecureHTTP
	}
	if set["user"] {
		s.user = cf.user
	}
	if set["company"] {
		s.company = cf.company
	}
	if set["publish-base"] {
		if err := uploader.CheckPublishBase(cf.publishBase); err != nil {
			return conn{}, errors.New(words.T("cli.flag_problem", words.A{"Flag": "--publish-base", "Problem": words.Error(err)}))
		}
		cn.publishBase = strings.TrimSpace(cf.publishBase)
	}
	cn.Endpoint.Service, cn.Credentials.User, cn.Company = s.service, strings.TrimSpace(s.user), strings.TrimSpace(s.company)
	if cn.profile != nil && cn.profile.Sandbox && !set["endpoint"] {
		// The sandbox's port is chosen when it starts, so the profile cannot know it. A
		// built-in is named as the window names it, in the language spoken (--profile
		// takes that name too).
		return cn, errors.New(words.T("cli.problem.sandbox_profile", words.A{"Name": store.DisplayName(cn.profile.Name), "Service": serviceName(s.service)}))
	}
	ep, err := s.endpointOf()
	if err != nil {
		return cn, err
	}
	if ep.AllowInsecureHTTP {
		if u, err := url.Parse(ep.UploadURL); err == nil && u.Scheme == "http" && !uploader.IsLoopbackHost(u.Hostname()) {
			fmt.Fprintln(c.stderr, words.T("cli.warning.insecure_http", words.A{"Host": u.Host}))
		}
	}
	cn.Endpoint = ep
	return cn, nil
}

// profile reads the connection called name from the config folder (HOIST_CONFIG_DIR or
// the OS default) that the Hoist window saves to.
func (c *cli) profile(name string) (store.Profile, error) {
	cfg, err := c.config()
	if err != nil {
		return store.Profile{}, err
	}
	p, err := cfg.Profiles.Get(name)
	if errors.Is(err, store.ErrProfileNotFound) {
		return store.Profile{}, errors.New(words.T("cli.problem.no_profile", words.A{"Name": name}))
	}
	if err != nil {
		return store.Profile{}, errors.New(words.Error(err))
	}
	return p, nil
}

// config opens the config folder as this invocation's environment names it.
func (c *cli) config() (*store.Config, error) {
	cfg, err := store.Open(c.getenv(store.ConfigDirEnv))
	if err != nil {
		return nil, errors.New(words.Error(err))
	}
	return cfg, nil
}

// hostOf is the host of a URL, for messages.
func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return u.Host
	}
	return raw
}

func (s settings) endpointOf() (uploader.Endpoint, error) {
	if s.endpoint != "" {
		return uploader.CustomEndpoint(s.service, s.endpoint, s.api, s.allowInsecureHTTP)
	}
	if s.service == uploader.DrSum {
		return uploader.Endpoint{}, errors.New(words.T("cli.problem.drsum_endpoint", nil))
	}
	ep, err := uploader.Scene7Endpoint(s.region, s.staging)
	if err != nil {
		return uploader.Endpoint{}, err
	}
	if s.api != "" {
		if err := uploader.CheckURL(s.api, false); err != nil {
			return uploader.Endpoint{}, fmt.Errorf("--api-endpoint: %w", err)
		}
		ep.APIURL = s.api
	}
	return ep, nil
}

func parseService(s string) (uploader.Service, error) {
	switch svc := uploader.Service(strings.ToLower(strings.TrimSpace(s))); svc {
	case uploader.Scene7, uploader.DrSum:
		return svc, nil
	}
	return "", errors.New(words.T("cli.problem.service", words.A{"Value": s}))
}
