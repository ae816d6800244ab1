package store

import (
	"errors"
	"testing"

	"hoist/internal/words"
)

// The built-ins are shown under their name in the window's language, and keep their
// English name wherever a name is kept or typed (profiles.json's default, the queue file,
// `hoist --connection`): a script written in English works in any language, and the name
// a French or Japanese user reads in the window is accepted too, never taken by a profile
// of theirs.
func TestBuiltinNamesInEveryLanguage(t *testing.T) {
	defer words.Use(words.Current())
	shown := map[string][2]string{
		"en": {"Local sandbox", "Local sandbox (Dr.Sum)"},
		"fr": {"Bac à sable local", "Bac à sable local (Dr.Sum)"},
		"ja": {"ローカルサンドボックス", "ローカルサンドボックス（Dr.Sum）"},
	}
	for lang, want := range shown {
		words.Use(lang)
		if got := DisplayName(SandboxProfile); got != want[0] {
			t.Errorf("%s: %q shown as %q, want %q", lang, SandboxProfile, got, want[0])
		}
		if got := DisplayName(SandboxDrSumProfile); got != want[1] {
			t.Errorf("%s: %q shown as %q, want %q", lang, SandboxDrSumProfile, got, want[1])
		}
		if got := DisplayName("Brand"); got != "Brand" {
			t.Errorf("%s: a profile of the user's shown as %q", lang, got)
		}
	}

	words.Use("fr")
	s := &Profiles{Dir: t.TempDir()}
	for _, typed := range []string{"Local sandbox", "bac à sable local", "ローカルサンドボックス"} {
		p, err := s.Get(typed) // --connection in any language, whatever Hoist speaks
		if err != nil || p.Name != SandboxProfile || !p.Sandbox {
			t.Errorf("Get(%q) = %q, %v; want the built-in %q", typed, p.Name, err, SandboxProfile)
		}
	}
	if err := s.SetDefault("ローカルサンドボックス（Dr.Sum）"); err != nil {
		t.Fatal(err)
	}
	if d, err := s.Default(); err != nil || d.Name != SandboxDrSumProfile {
		t.Errorf("default kept as %q, %v; want %q", d.Name, err, SandboxDrSumProfile)
	}
	for _, name := range []string{"Bac à sable local", "ローカルサンドボックス（Dr.Sum）"} {
		var pe *ProfileError
		if err := s.Save("", Profile{Name: name, Service: prod("x").Service, Region: prod("x").Region, User: "u", Company: "c"}); !errors.As(err, &pe) {
			t.Errorf("a profile named %q, a built-in's name, was saved: %v", name, err)
		}
		if err := s.Delete(name); !errors.Is(err, ErrBuiltinProfile) {
			t.Errorf("Delete(%q) = %v, want the built-in refused", name, err)
		}
	}
	// A built-in's copy is named after it as the window shows it.
	c, err := s.Duplicate(SandboxProfile)
	if err != nil || c.Name != "Bac à sable local copie" || IsBuiltin(c.Name) {
		t.Errorf("copy of the sandbox named %q, %v", c.Name, err)
	}
	if err := s.Delete(SandboxProfile); err == nil || words.Error(err) != words.T("store.profile.builtin_named", words.A{"Name": "Bac à sable local"}) {
		t.Errorf("refusal %q names the built-in as the window does not", words.Error(err))
	}
}
