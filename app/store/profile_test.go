package store

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"hoist/internal/words"
	"hoist/uploader"
)

func TestProfileEndpoint(t *testing.T) {
	const sb = "http://127.0.0.1:4567/"
	tests := []struct {
		name       string
		p          Profile
		sandbox    string
		upload     string
		api        string
		wantErr    error
		errContain string
	}{
		{name: "sandbox scene7", p: BuiltinProfiles()[0], sandbox: sb,
			upload: "http://127.0.0.1:4567/scene7/UploadFile", api: "http://127.0.0.1:4567/scene7/services/IpsApiService"},
		{name: "sandbox drsum", p: BuiltinProfiles()[1], sandbox: sb, upload: "http://127.0.0.1:4567/api/v1.0/file/upload"},
		{name: "sandbox not running", p: BuiltinProfiles()[0], wantErr: ErrSandboxNotRunning},
		{name: "region production", p: Profile{Service: uploader.Scene7, Region: uploader.RegionEMEA},
			upload: "https://s7sps3ssl.scene7.com/scene7/UploadFile", api: "https://s7sps3apissl.scene7.com/scene7/services/IpsApiService"},
		{name: "region staging", p: Profile{Service: uploader.Scene7, Region: uploader.RegionAPAC, Staging: true},
			upload: "https://s7sps5ssl-staging.scene7.com/scene7/UploadFile", api: "https://s7sps5apissl-staging.scene7.com/scene7/services/IpsApiService"},
		{name: "region with custom API", p: Profile{Service: uploader.Scene7, Region: uploader.RegionNA, APIURL: "https://api.example.com/ips"},
			upload: "https://s7sps1ssl.scene7.com/scene7/UploadFile", api: "https://api.example.com/ips"},
		{name: "unknown region", p: Profile{Service: uploader.Scene7, Region: "mars"}, errContain: "unknown region"},
		{name: "custom scene7", p: Profile{Service: uploader.Scene7, UploadURL: "https://ips.example.com:8443/scene7/UploadFile"},
			upload: "https://ips.example.com:8443/scene7/UploadFile", api: "https://ips.example.com:8443/scene7/services/IpsApiService"},
		{name: "plain http refused", p: Profile{Service: uploader.Scene7, UploadURL: "http://ips.example.com/scene7/UploadFile"}, wantErr: uploader.ErrInsecureURL},
		{name: "plain http loopback", p: Profile{Service: uploader.Scene7, UploadURL: "http://localhost:8080/scene7/UploadFile"},
			upload: "http://localhost:8080/scene7/UploadFile", api: "http://localhost:8080/scene7/services/IpsApiService"},
		{name: "drsum intranet http allowed", p: Profile{Service: uploader.DrSum, UploadURL: "http://drsum.intra:6580/api/v1.0/file/upload", AllowInsecureHTTP: true},
			upload: "http://drsum.intra:6580/api/v1.0/file/upload"},
		{name: "drsum intranet http not asked", p: Profile{Service: uploader.DrSum, UploadURL: "http://drsum.intra:6580/api/v1.0/file/upload"}, wantErr: uploader.ErrInsecureURL},
		{name: "drsum without URL", p: Profile{Name: "D", Service: uploader.DrSum}, errContain: "needs its upload URL"},
		{name: "unknown service", p: Profile{Service: "ftp"}, errContain: "Unknown service"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ep, err := tt.p.Endpoint(tt.sandbox)
			switch {
			case tt.wantErr != nil || tt.errContain != "":
				if err == nil || (tt.wantErr != nil && !errors.Is(err, tt.wantErr)) || !strings.Contains(err.Error(), tt.errContain) {
					t.Fatalf("err = %v, want %v / containing %q", err, tt.wantErr, tt.errContain)
				}
			case err != nil:
				t.Fatal(err)
			case ep.UploadURL != tt.upload || ep.APIURL != tt.api || ep.Service != tt.p.Service:
				t.Fatalf("endpoint %+v, want upload %q api %q", ep, tt.upload, tt.api)
			}
		})
	}
}

func TestProfileValidate(t *testing.T) {
	good := Profile{Name: "Prod", Service: uploader.Scene7, Region: uploader.RegionNA, Company: "c|1", User: "a@b"}
	tests := []struct {
		name   string
		edit   func(*Profile)
		fields []string // fields with a problem; none = valid
	}{
		{"good", func(*Profile) {}, nil},
		{"empty name", func(p *Profile) { p.Name = "  " }, []string{"name"}},
		{"long name", func(p *Profile) { p.Name = strings.Repeat("é", maxNameLen+1) }, []string{"name"}},
		{"japanese name", func(p *Profile) { p.Name = "本番 (東京)" }, nil},
		{"control char", func(p *Profile) { p.Name = "a\tb" }, []string{"name"}},
		{"no user, no company", func(p *Profile) { p.User, p.Company = "", "" }, []string{"user", "company"}},
		{"bad region", func(p *Profile) { p.Region = "" }, []string{"region"}},
		{"bad custom URL", func(p *Profile) { p.UploadURL = "ftp://x" }, []string{"uploadURL"}},
		{"bad API URL", func(p *Profile) { p.APIURL = "http://x.example.com/api" }, []string{"apiURL"}},
		{"bad service", func(p *Profile) { p.Service = "s3" }, []string{"service"}},
		{"drsum needs URL, no company", func(p *Profile) { p.Service, p.Company = uploader.DrSum, "" }, []string{"uploadURL"}},
		{"sandbox needs nothing", func(p *Profile) { p.Sandbox, p.User, p.Company, p.Region = true, "", "", "" }, nil},
		{"published base", func(p *Profile) { p.PublishBase = "https://s7d9.scene7.com/is/image/Acme/" }, nil},
		{"published base not https", func(p *Profile) { p.PublishBase = "s7d9.scene7.com/is/image/Acme/" }, []string{"publishBase"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := good
			tt.edit(&p)
			err := p.Validate()
			var pe *ProfileError
			if tt.fields == nil {
				if err != nil {
					t.Fatalf("unexpected %v", err)
				}
				return
			}
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want *ProfileError", err)
			}
			var got []string
			for _, pr := range pe.Problems {
				got = append(got, pr.Field)
				if !strings.HasSuffix(pr.Message, ".") || pr.Message[0] < 'A' || pr.Message[0] > 'Z' {
					t.Errorf("not a sentence: %q", pr.Message)
				}
			}
			if pe.Field(tt.fields[0]) == "" || pe.Field("nonexistent") != "" {
				t.Fatalf("Field(%q) is empty", tt.fields[0])
			}
			if !reflect.DeepEqual(got, tt.fields) {
				t.Fatalf("problems on %v, want %v (%v)", got, tt.fields, err)
			}
		})
	}
}

func TestCredentialKey(t *testing.T) {
	tests := []struct {
		p    Profile
		want string
	}{
		{Profile{Service: uploader.Scene7, Region: uploader.RegionNA, User: "demo@x"}, "scene7 s7sps1ssl.scene7.com demo@x"},
		{Profile{Service: uploader.Scene7, Region: uploader.RegionNA, Staging: true, User: "demo@x"}, "scene7 s7sps1ssl-staging.scene7.com demo@x"},
		{Profile{Service: uploader.Scene7, UploadURL: "https://IPS.Example.com:8443/scene7/UploadFile", User: " Me "}, "scene7 ips.example.com:8443 Me"},
		{Profile{Service: uploader.DrSum, UploadURL: "http://127.0.0.1:6580/api/v1.0/file/upload", User: "apiuser01"}, "drsum 127.0.0.1:6580 apiuser01"},
		{BuiltinProfiles()[0], "scene7 sandbox demo@hoist.local"},
	}
	for _, tt := range tests {
		if got := CredentialKey(tt.p); got != tt.want {
			t.Errorf("CredentialKey(%+v) = %q, want %q", tt.p, got, tt.want)
		}
	}
	// The command line builds the same key from its flags.
	if got := KeyFor("scene7", "https://s7sps1ssl.scene7.com/scene7/UploadFile", "demo@x"); got != tests[0].want {
		t.Errorf("KeyFor = %q, want %q", got, tests[0].want)
	}
}

// A profile has no place for a password, so no JSON of one can carry it.
func TestProfileHasNoPasswordField(t *testing.T) {
	typ := reflect.TypeOf(Profile{})
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		for _, s := range []string{f.Name, f.Tag.Get("json")} {
			low := strings.ToLower(s)
			if strings.Contains(low, "pass") || strings.Contains(low, "secret") || strings.Contains(low, "pw") {
				t.Errorf("Profile field %s (%s) looks like a password", f.Name, s)
			}
		}
	}
	all := Profile{Name: "n", Service: uploader.Scene7, Region: uploader.RegionNA, Staging: true, UploadURL: "u", APIURL: "a",
		AllowInsecureHTTP: true, Company: "c", User: "u", DestFolder: "d", Sandbox: true}
	data, err := json.Marshal(all)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.ToLower(string(data)), "pass") {
		t.Fatalf("profile JSON mentions a password: %s", data)
	}
}

// A profile's problems read as one text in each language: Japanese puts no space after 。
// (they were joined with " ").
func TestProfileProblemsJoinAsTheLanguageDoes(t *testing.T) {
	defer words.Use(words.Use("en"))
	p := Profile{Name: "x", Service: uploader.Scene7, Region: uploader.RegionNA} // no user, no company
	for lang, space := range map[string]string{"en": " ", "fr": " ", "ja": ""} {
		words.Use(lang)
		var pe *ProfileError
		if err := p.Validate(); !errors.As(err, &pe) || len(pe.Problems) != 2 {
			t.Fatalf("%s: %v, want two problems", lang, err)
		}
		if got, want := words.Error(pe), pe.Problems[0].Message+space+pe.Problems[1].Message; got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}
