package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"hoist/uploader"
)

func prod(name string) Profile {
	return Profile{Name: name, Service: uploader.Scene7, Region: uploader.RegionEMEA, Company: "c|42", User: "ops@example.com", DestFolder: "spring/"}
}

func names(t *testing.T, s *Profiles) []string {
	t.Helper()
	return nameList(t, s.List, func(p Profile) string { return p.Name })
}

func TestProfilesFirstRun(t *testing.T) {
	s := &Profiles{Dir: t.TempDir()}
	if got, want := names(t, s), []string{SandboxProfile, SandboxDrSumProfile}; !reflect.DeepEqual(got, want) {
		t.Fatalf("first run lists %v, want %v", got, want)
	}
	def, err := s.Default()
	if err != nil || def.Name != SandboxProfile || !def.Sandbox {
		t.Fatalf("default %+v, %v", def, err)
	}
	dr, err := s.Get("local SANDBOX (dr.sum)")
	if err != nil || dr.Service != uploader.DrSum || dr.User != SandboxDrSumUser || dr.DestFolder != SandboxDrSumFolder {
		t.Fatalf("Get built-in Dr.Sum = %+v, %v", dr, err)
	}
}

func TestProfilesRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s := &Profiles{Dir: dir}
	want := []Profile{
		prod("Production"),
		{Name: "Staging 東京", Service: uploader.Scene7, Region: uploader.RegionAPAC, Staging: true, Company: "c|7", User: "u"},
		{Name: "Intranet Dr.Sum", Service: uploader.DrSum, UploadURL: "http://drsum.intra:6580/api/v1.0/file/upload", AllowInsecureHTTP: true, User: "apiuser01", DestFolder: "/filer/x"},
		{Name: "Custom", Service: uploader.Scene7, UploadURL: "https://ips.example.com/scene7/UploadFile", APIURL: "https://ips.example.com/api", Company: "c", User: "u"},
	}
	for _, p := range want {
		if err := s.Save("", p); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetDefault("staging 東京"); err != nil {
		t.Fatal(err)
	}
	again := &Profiles{Dir: dir} // a fresh store reads the file
	list, err := again.List()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(list[2:], want) || !reflect.DeepEqual(list[:2], BuiltinProfiles()) {
		t.Fatalf("read back %+v\nwant %+v", list, want)
	}
	if def, _ := again.Default(); def.Name != "Staging 東京" {
		t.Fatalf("default %q", def.Name)
	}
}

func TestProfilesEditAndRename(t *testing.T) {
	s := &Profiles{Dir: t.TempDir()}
	for _, n := range []string{"A", "B", "C"} {
		if err := s.Save("", prod(n)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetDefault("b"); err != nil {
		t.Fatal(err)
	}
	edited := prod("  Bee  ")
	edited.User = "new@example.com"
	if err := s.Save("B", edited); err != nil {
		t.Fatal(err)
	}
	if got := names(t, s)[2:]; !reflect.DeepEqual(got, []string{"A", "Bee", "C"}) {
		t.Fatalf("after rename %v", got)
	}
	if def, _ := s.Default(); def.Name != "Bee" || def.User != "new@example.com" {
		t.Fatalf("default did not follow the rename: %+v", def)
	}
	// Changing only the case of one's own name is allowed.
	if err := s.Save("bee", prod("BEE")); err != nil {
		t.Fatal(err)
	}
}

func TestProfilesRefusals(t *testing.T) {
	s := &Profiles{Dir: t.TempDir()}
	if err := s.Save("", prod("Prod")); err != nil {
		t.Fatal(err)
	}
	if err := s.Save("", prod("Other")); err != nil {
		t.Fatal(err)
	}
	var pe *ProfileError
	tests := []struct {
		name  string
		do    func() error
		check func(error) bool
	}{
		{"duplicate name", func() error { return s.Save("", prod("PROD")) }, func(err error) bool { return errors.As(err, &pe) }},
		{"rename onto another", func() error { return s.Save("Other", prod("prod")) }, func(err error) bool { return errors.As(err, &pe) }},
		{"built-in name", func() error { return s.Save("", prod("local sandbox")) }, func(err error) bool { return errors.As(err, &pe) }},
		{"edit built-in", func() error { return s.Save(SandboxProfile, prod("Mine")) }, func(err error) bool { return errors.Is(err, ErrBuiltinProfile) }},
		{"delete built-in", func() error { return s.Delete(SandboxDrSumProfile) }, func(err error) bool { return errors.Is(err, ErrBuiltinProfile) }},
		{"edit missing", func() error { return s.Save("Nope", prod("Nope")) }, func(err error) bool { return errors.Is(err, ErrProfileNotFound) }},
		{"delete missing", func() error { return s.Delete("Nope") }, func(err error) bool { return errors.Is(err, ErrProfileNotFound) }},
		{"default missing", func() error { return s.SetDefault("Nope") }, func(err error) bool { return errors.Is(err, ErrProfileNotFound) }},
		{"invalid", func() error { return s.Save("", Profile{Name: "X", Service: uploader.DrSum}) }, func(err error) bool { return errors.As(err, &pe) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.do(); !tt.check(err) {
				t.Fatalf("err = %v", err)
			}
		})
	}
	if got := names(t, s)[2:]; !reflect.DeepEqual(got, []string{"Prod", "Other"}) {
		t.Fatalf("refusals changed the list: %v", got)
	}
}

func TestProfilesDuplicate(t *testing.T) {
	s := &Profiles{Dir: t.TempDir()}
	if err := s.Save("", prod("Prod")); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Prod copy", "Prod copy 2", "Prod copy 3"} {
		p, err := s.Duplicate("prod")
		if err != nil || p.Name != want || p.User != "ops@example.com" {
			t.Fatalf("Duplicate = %+v, %v; want %q", p, err, want)
		}
	}
	sb, err := s.Duplicate(SandboxProfile)
	if err != nil || sb.Name != "Local sandbox copy" || !sb.Sandbox {
		t.Fatalf("duplicate of the sandbox = %+v, %v", sb, err)
	}
	long := strings.Repeat("x", maxNameLen)
	if err := s.Save("", prod(long)); err != nil {
		t.Fatal(err)
	}
	p, err := s.Duplicate(long)
	if err != nil || len([]rune(p.Name)) > maxNameLen || !strings.HasSuffix(p.Name, " copy") {
		t.Fatalf("duplicate of a long name = %q, %v", p.Name, err)
	}
	if _, err := s.Get(p.Name); err != nil {
		t.Fatalf("the copy was not saved: %v", err)
	}
}

func TestProfilesDeleteDefault(t *testing.T) {
	s := &Profiles{Dir: t.TempDir()}
	if err := s.Save("", prod("Prod")); err != nil {
		t.Fatal(err)
	}
	if err := s.SetDefault("Prod"); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete("PROD"); err != nil {
		t.Fatal(err)
	}
	if def, err := s.Default(); err != nil || def.Name != SandboxProfile {
		t.Fatalf("default after delete = %q, %v", def.Name, err)
	}
	if _, err := s.Get("Prod"); !errors.Is(err, ErrProfileNotFound) {
		t.Fatalf("deleted profile still there: %v", err)
	}
}

func TestProfilesDamagedFileIsKept(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, profilesFile)
	bad := "{\"format\": \"hoist-profiles/1\",\n  \"profiles\": [ {\"name\": \"A\",, } ]\n}\n"
	if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	s := &Profiles{Dir: dir}
	_, err := s.List()
	var fe *ProfilesFileError
	if !errors.As(err, &fe) || fe.Line != 2 || fe.Column != 30 || !strings.Contains(fe.Sentence(), "text editor") {
		t.Fatalf("err = %#v", err)
	}
	if err := s.Save("", prod("New")); !errors.As(err, &fe) {
		t.Fatalf("Save over a damaged file: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != bad {
		t.Fatalf("damaged file was rewritten:\n%s", got)
	}
	if err := os.WriteFile(path, []byte(`{"format":"hoist-profiles/9","profiles":[]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.List(); !errors.As(err, &fe) || !strings.Contains(err.Error(), "hoist-profiles/9") {
		t.Fatalf("other format: %v", err)
	}
}

// A password typed into profiles.json by hand is dropped at the next save.
func TestProfilesDropHandWrittenPassword(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, profilesFile)
	hand := `{"format":"hoist-profiles/1","profiles":[{"name":"A","service":"scene7","region":"na","company":"c","user":"u","password":"hunter2"}]}`
	if err := os.WriteFile(path, []byte(hand), 0o600); err != nil {
		t.Fatal(err)
	}
	s := &Profiles{Dir: dir}
	if err := s.Save("", prod("B")); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if strings.Contains(string(data), "hunter2") || strings.Contains(string(data), "password") {
		t.Fatalf("password kept in %s", data)
	}
}
