package store

import (
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"hoist/internal/words"
	"hoist/uploader"
)

// Demo settings of the Local sandbox. They mirror the constants of package hoist/sandbox
// (DemoUser, DemoPassword, DemoCompany, DrSumUser, DrSumPassword), which app does not
// import so that it builds without the sandbox; a test of the composition keeps them equal.
const (
	SandboxUser          = "demo@hoist.local"
	SandboxPassword      = "sandbox"
	SandboxCompany       = "c|2101"
	SandboxDrSumUser     = "apiuser01"
	SandboxDrSumPassword = "password01"
	SandboxDrSumFolder   = "/filer/campaign"
)

// Names of the built-in profiles: always present, never stored, not deletable.
const (
	SandboxProfile      = "Local sandbox"
	SandboxDrSumProfile = "Local sandbox (Dr.Sum)"
)

// maxNameLen bounds profile and preset names (in characters) so they fit in a list and in a
// file name.
const maxNameLen = 100

// drsumExample is the example of a Dr.Sum upload URL in sentences.
const drsumExample = "https://drsum.example.com" + uploader.DrSumUploadPath

// Profile is one connection: where to upload and as whom. It never holds a password.
type Profile struct {
	Name    string           `json:"name"`
	Service uploader.Service `json:"service"`
	Region  uploader.Region  `json:"region,omitempty"`
	Staging bool             `json:"staging,omitempty"`
	// UploadURL and APIURL are a custom endpoint; empty = the region's hosts.
	UploadURL         string `json:"uploadURL,omitempty"`
	APIURL            string `json:"apiURL,omitempty"`
	AllowInsecureHTTP bool   `json:"allowInsecureHTTP,omitempty"`
	Company           string `json:"company,omitempty"`
	User              string `json:"user,omitempty"`
	DestFolder        string `json:"destFolder,omitempty"`
	// PublishBase is the company's published Image Serving base (Scene7 only), e.g.
	// https://s7d9.scene7.com/is/image/Acme/: with it, ready files get links.
	PublishBase string `json:"publishBase,omitempty"`
	// Sandbox points the profile at the built-in Local sandbox, whose URL is known only
	// once it runs.
	Sandbox bool `json:"sandbox,omitempty"`
	// Proxy, CAFile and StallSeconds are the connection's own network settings
	// (uploader.Network): a proxy over the environment's and the system's, a CA file on
	// top of the system's certificates, seconds without progress before a request counts
	// as stalled (0: the default, 30 s). Profiles saved before they existed load as zero.
	Proxy        string `json:"proxy,omitempty"`
	CAFile       string `json:"caFile,omitempty"`
	StallSeconds int    `json:"stallSeconds,omitempty"`
}

// MaxStallSeconds bounds a connection's stall timeout: an hour is already a server that
// does not answer.
const MaxStallSeconds = 3600

// Network is the profile's own network settings, for its uploader.Conn.
func (p Profile) Network() uploader.Network {
	return uploader.Network{Proxy: strings.TrimSpace(p.Proxy), CAFile: strings.TrimSpace(p.CAFile),
		StallTimeout: time.Duration(p.StallSeconds) * time.Second}
}

// BuiltinProfiles are the two Local sandbox connections, the defaults on a first run.
func BuiltinProfiles() []Profile {
	return []Profile{
		{Name: SandboxProfile, Service: uploader.Scene7, Region: uploader.RegionNA, Sandbox: true,
			Company: SandboxCompany, User: SandboxUser},
		{Name: SandboxDrSumProfile, Service: uploader.DrSum, Sandbox: true,
			User: SandboxDrSumUser, DestFolder: SandboxDrSumFolder},
	}
}

// builtinWords is the message of each built-in profile's name as people read it.
var builtinWords = map[string]string{
	SandboxProfile:      "store.builtin.sandbox",
	SandboxDrSumProfile: "store.builtin.sandbox_drsum",
}

// DisplayName is a profile's name as the window shows it: a built-in's in the current
// language ("Bac à sable local", "ローカルサンドボックス"), any other as it was saved.
// The built-ins keep their English names (SandboxProfile, SandboxDrSumProfile) wherever
// a name is kept or typed: profiles.json's default, the window's preferences, the queue
// file, `hoist --connection`, so a script or a saved setting works whatever language
// Hoist speaks; their names in the other languages are accepted too (builtinNamed).
func DisplayName(name string) string {
	if b, ok := builtinNamed(name); ok {
		return words.T(builtinWords[b.Name], nil)
	}
	return name
}

// builtinNamed is the built-in profile called name: its own name or its name in any of
// the languages Hoist speaks, whatever the case.
func builtinNamed(name string) (Profile, bool) {
	name = strings.TrimSpace(name)
	for _, b := range BuiltinProfiles() {
		if sameName(b.Name, name) {
			return b, true
		}
		for _, l := range words.Languages {
			if sameName(words.In(l.Code, builtinWords[b.Name], nil), name) {
				return b, true
			}
		}
	}
	return Profile{}, false
}

// IsBuiltin reports whether name is one of the built-in profiles, in any language: no
// profile of the user's may take a name the window shows for a built-in.
func IsBuiltin(name string) bool {
	_, ok := builtinNamed(name)
	return ok
}

// ErrSandboxNotRunning is returned by Endpoint for a sandbox profile before the Local
// sandbox has started.
var ErrSandboxNotRunning = words.Sentinel("store.sandbox_not_running")

// Endpoint is where the profile's requests go. sandboxURL is the running Local sandbox's
// base URL (http://127.0.0.1:PORT), used only by sandbox profiles.
func (p Profile) Endpoint(sandboxURL string) (uploader.Endpoint, error) {
	switch {
	case p.Sandbox:
		if sandboxURL == "" {
			return uploader.Endpoint{}, ErrSandboxNotRunning
		}
		base := strings.TrimRight(sandboxURL, "/")
		if p.Service == uploader.DrSum {
			return uploader.CustomEndpoint(uploader.DrSum, base+uploader.DrSumUploadPath, "", false)
		}
		return uploader.CustomEndpoint(uploader.Scene7, base+uploader.Scene7UploadPath, base+uploader.Scene7APIPath, false)
	case p.UploadURL != "":
		return uploader.CustomEndpoint(p.Service, p.UploadURL, p.APIURL, p.AllowInsecureHTTP)
	case p.Service == uploader.DrSum:
		return uploader.Endpoint{}, fail("store.profile.drsum_no_url", words.A{"Name": p.Name, "Example": drsumExample}, nil)
	case p.Service == uploader.Scene7:
		ep, err := uploader.Scene7Endpoint(p.Region, p.Staging)
		if err != nil {
			return uploader.Endpoint{}, err
		}
		if p.APIURL != "" {
			if err := uploader.CheckURL(p.APIURL, false); err != nil {
				return uploader.Endpoint{}, err
			}
			ep.APIURL = strings.TrimSpace(p.APIURL)
		}
		return ep, nil
	default:
		return uploader.Endpoint{}, fail("store.profile.unknown_service", words.A{"Service": string(p.Service)}, nil)
	}
}

// ProfileError lists what is wrong with a profile, one sentence per field, so a form can
// mark every field at once.
type ProfileError struct {
	Problems []FieldProblem
}

// FieldProblem is one invalid profile field (Field is the JSON name, e.g. "uploadURL"):
// Words is its sentence, and Message that sentence written in the language current when
// the profile was checked (a check is made to be shown at once, never kept).
type FieldProblem struct {
	Field   string
	Words   words.Message
	Message string
}

// problem is the FieldProblem of field saying id with args.
func problem(field, id string, args words.A) FieldProblem {
	m := words.Msg(id, args)
	return FieldProblem{Field: field, Words: m, Message: m.String()}
}

func (e *ProfileError) Error() string { return words.Error(e) }

// Words is every problem, each a sentence, for words.Error.
func (e *ProfileError) Words() words.Message {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Words.String()
	}
	return words.Msg("store.profile.problems", words.A{"Problems": words.Sentences(msgs...)})
}

// Sentence is words.Error(e), for the callers that still ask the error itself.
func (e *ProfileError) Sentence() string { return words.Error(e) }

// Field returns the problem with one field (its JSON name), "" if none, for inline errors.
func (e *ProfileError) Field(name string) string {
	for _, p := range e.Problems {
		if p.Field == name {
			return p.Words.String()
		}
	}
	return ""
}

// Validate checks the profile on its own (uniqueness is the store's business). A sandbox
// profile needs no user or address: the sandbox provides both.
func (p Profile) Validate() error {
	var probs []FieldProblem
	add := func(field, id string, args words.A) { probs = append(probs, problem(field, id, args)) }
	if id := nameProblem(p.Name, "connection"); id != "" {
		add("name", id, words.A{"Max": maxNameLen})
	}
	if p.Service != uploader.Scene7 && p.Service != uploader.DrSum {
		add("service", "store.profile.choose_service", words.A{"Service": string(p.Service)})
	} else if !p.Sandbox {
		switch _, err := p.Endpoint(""); {
		case err == nil:
		case p.Service == uploader.DrSum && p.UploadURL == "":
			add("uploadURL", "store.profile.type_drsum_url", words.A{"Example": drsumExample})
		case p.UploadURL == "" && !validRegion(p.Region):
			add("region", "store.profile.choose_region", nil)
		default:
			add(endpointField(p), "store.profile.bad_address", words.A{"Reason": err})
		}
		if strings.TrimSpace(p.User) == "" {
			add("user", "store.profile.type_user", nil)
		}
		if p.Service == uploader.Scene7 && strings.TrimSpace(p.Company) == "" {
			add("company", "store.profile.type_company", words.A{"Example": SandboxCompany})
		}
	}
	// A password in the proxy is refused (uploader.ProxyPasswordError): this setting is
	// saved in profiles.json, and the sentence says to put the login in HTTPS_PROXY.
	if _, err := uploader.ParseProxyFrom(p.Proxy, uploader.ProxyConnection); err != nil {
		add("proxy", "office.profile.bad_proxy", words.A{"Reason": words.Error(err)})
	}
	if strings.TrimSpace(p.CAFile) != "" {
		if err := (uploader.Network{CAFile: p.CAFile}).Check(); err != nil {
			add("caFile", "office.profile.bad_ca_file", words.A{"Reason": words.Error(err)})
		}
	}
	if p.StallSeconds < 0 || p.StallSeconds > MaxStallSeconds {
		add("stallSeconds", "office.profile.bad_stall", words.A{"Max": MaxStallSeconds})
	}
	if err := uploader.CheckPublishBase(p.PublishBase); err != nil {
		add("publishBase", "store.profile.bad_publish_base", words.A{"Reason": err})
	}
	if len(probs) == 0 {
		return nil
	}
	return &ProfileError{Problems: probs}
}

// endpointField names the field an endpoint error is about.
func endpointField(p Profile) string {
	if p.APIURL != "" && (p.UploadURL == "" || uploader.CheckURL(p.UploadURL, p.AllowInsecureHTTP) == nil) {
		return "apiURL"
	}
	return "uploadURL"
}

func validRegion(r uploader.Region) bool {
	for _, x := range uploader.Regions {
		if r == x {
			return true
		}
	}
	return false
}

// nameProblem checks a profile or preset name (what: "connection" or "preset"): non-empty,
// printable, not too long. Spaces around it do not count: the stores trim them. It returns
// the ID of the sentence about the problem, with {{.Max}} for the length, or "".
func nameProblem(name, what string) string {
	n := strings.TrimSpace(name)
	id := "store." + what + ".name_"
	switch {
	case n == "":
		return id + "empty"
	case !utf8.ValidString(n):
		return id + "not_text"
	case utf8.RuneCountInString(n) > maxNameLen:
		return id + "too_long"
	}
	for _, r := range n {
		if unicode.IsControl(r) {
			return id + "control"
		}
	}
	return ""
}

// sameName compares names the way people read them: case does not matter.
func sameName(a, b string) bool { return strings.EqualFold(a, b) }

// CredentialKey is the keychain account of the profile's password: the service, the upload
// host and the user, so that profiles that differ only in name, folder or options share
// one password, and the command line finds it from its flags (KeyFor).
func CredentialKey(p Profile) string {
	switch {
	case p.Sandbox:
		return KeyFor(string(p.Service), "sandbox", p.User)
	case p.UploadURL != "":
		return KeyFor(string(p.Service), p.UploadURL, p.User)
	case p.Service == uploader.Scene7:
		if ep, err := uploader.Scene7Endpoint(p.Region, p.Staging); err == nil {
			return KeyFor(string(p.Service), ep.UploadURL, p.User)
		}
	}
	return KeyFor(string(p.Service), string(p.Region), p.User)
}

// KeyFor is the keychain account for a service, an upload URL (or bare host) and a user,
// e.g. "scene7 s7sps1ssl.scene7.com demo@example.com". The host is lower-cased and keeps an
// explicit port; the user is kept as typed.
func KeyFor(service, uploadURL, user string) string {
	host := strings.TrimSpace(uploadURL)
	if u, err := url.Parse(host); err == nil && u.Host != "" {
		host = u.Host
	}
	return strings.ToLower(strings.TrimSpace(service)) + " " + strings.ToLower(host) + " " + strings.TrimSpace(user)
}
