package uploader

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// indexOps are the two changes an index goes through, so that the equivalence check can
// also be run on deliberately wrong incremental rules (mutants below) and show it fails.
type indexOps struct {
	add    func(x *NameIndex[int], key int, rel string, fresh map[*NameFile[int]]bool) *NameFile[int]
	remove func(x *NameIndex[int], f *NameFile[int], fresh map[*NameFile[int]]bool)
}

var rightRules = indexOps{
	add: func(x *NameIndex[int], key int, rel string, _ map[*NameFile[int]]bool) *NameFile[int] {
		return x.Add(key, rel)
	},
	remove: func(x *NameIndex[int], f *NameFile[int], _ map[*NameFile[int]]bool) { x.Remove(f) },
}

// indexRels collide on purpose: the same stem in other folders and formats, a stem that
// loses characters into another (a&b, ab), NFD and NFC spellings of one name, the same
// rel twice, names without or with an unprocessed extension.
var indexRels = []string{
	"c/hero.jpg", "c/hero.png", "d/hero.jpg", "hero.tif",
	"c/a&b.tif", "c/ab.tif", "d/a&b.psd",
	"c/\u00e9t\u00e9.jpg", "c/e\u0301te\u0301.png",
	"c/notes.xyz", "d/notes", "c/Hero.jpg", "c/<>.gif", "c/solo.jpg",
}

// checkAgainstFresh applies a random sequence of adds and removes in batches, reads what
// Changed yields after each batch, and compares every file's warnings so kept with those
// of a fresh index (and the whole with Preflight) over the files left, in order. It says
// how they first differ, "" when they never do.
func checkAgainstFresh(seed uint64, ops indexOps) string {
	rng := rand.New(rand.NewPCG(seed, 7))
	var x NameIndex[int]
	var live []*NameFile[int]
	kept := map[*NameFile[int]][]NameWarning{}
	fresh := map[*NameFile[int]]bool{}
	for batch := range 12 {
		for range 1 + rng.IntN(5) {
			if len(live) > 0 && rng.IntN(5) < 2 {
				i := rng.IntN(len(live))
				ops.remove(&x, live[i], fresh)
				delete(kept, live[i])
				live = slices.Delete(live, i, i+1)
				continue
			}
			f := ops.add(&x, batch, indexRels[rng.IntN(len(indexRels))], fresh)
			fresh[f] = true
			live = append(live, f)
		}
		for f := range x.Changed {
			if _, ok := kept[f]; !ok && !fresh[f] {
				return fmt.Sprintf("batch %d: Changed yields %s, which was removed", batch, f.rel)
			}
			kept[f] = x.AppendWarnings(nil, f)
		}
		clear(fresh)
		var ref NameIndex[int]
		rels := make([]string, len(live))
		var all []NameWarning
		refs := make([]*NameFile[int], len(live))
		for i, f := range live {
			rels[i], refs[i] = f.rel, ref.Add(i, f.rel)
		}
		for i, f := range live {
			want := ref.AppendWarnings(nil, refs[i])
			if !slices.Equal(kept[f], want) {
				return fmt.Sprintf("batch %d, files %q: %s has %v, a fresh pre-flight says %v", batch, rels, f.rel, kept[f], want)
			}
			all = append(all, want...)
		}
		if p := Preflight(rels); !slices.Equal(p, all) {
			return fmt.Sprintf("batch %d: Preflight(%q) = %v, the index says %v", batch, rels, p, all)
		}
	}
	return ""
}

const indexSeeds = 300

func TestNameIndexAgreesWithAFreshPreflight(t *testing.T) {
	for seed := range uint64(indexSeeds) {
		if diff := checkAgainstFresh(seed, rightRules); diff != "" {
			t.Fatalf("seed %d: %s", seed, diff)
		}
	}
}

// Each incremental rule is needed: without it, the check above finds a difference.
func TestTheEquivalenceCheckCatchesAWrongRule(t *testing.T) {
	mutants := map[string]indexOps{
		"adding a second file leaves the first alone": {
			add: func(x *NameIndex[int], key int, rel string, _ map[*NameFile[int]]bool) *NameFile[int] {
				first := x.groups[AssetID(rel)]
				wasDirty := first != nil && first.dirty
				f := x.Add(key, rel)
				if first != nil && first.next == f && !wasDirty {
					first.dirty = false
				}
				return f
			},
			remove: rightRules.remove,
		},
		"removing the second file leaves the first alone": {
			add: rightRules.add,
			remove: func(x *NameIndex[int], f *NameFile[int], _ map[*NameFile[int]]bool) {
				first := x.groups[AssetID(f.rel)]
				second, wasDirty := first.next == f, first.dirty
				x.Remove(f)
				if second && !wasDirty {
					first.dirty = false
				}
			},
		},
		"removing the first file leaves the others alone": {
			add: rightRules.add,
			remove: func(x *NameIndex[int], f *NameFile[int], _ map[*NameFile[int]]bool) {
				first := x.groups[AssetID(f.rel)] == f
				x.Remove(f)
				if first {
					delete(x.dirtyIDs, AssetID(f.rel))
				}
			},
		},
		"only the files added are checked": {
			add: func(x *NameIndex[int], key int, rel string, fresh map[*NameFile[int]]bool) *NameFile[int] {
				f := x.Add(key, rel)
				onlyFresh(x, fresh, f)
				return f
			},
			remove: func(x *NameIndex[int], f *NameFile[int], fresh map[*NameFile[int]]bool) {
				x.Remove(f)
				onlyFresh(x, fresh, nil)
			},
		},
	}
	for name, m := range mutants {
		caught := false
		for seed := range uint64(indexSeeds) {
			if d := checkAgainstFresh(seed, m); d != "" {
				t.Logf("%s: seed %d: %s", name, seed, d)
				caught = true
				break
			}
		}
		if !caught {
			t.Errorf("%s: %d random sequences found no difference", name, indexSeeds)
		}
	}
}

// onlyFresh forgets every change but the files added since Changed last ran (and f).
func onlyFresh(x *NameIndex[int], fresh map[*NameFile[int]]bool, f *NameFile[int]) {
	for _, d := range x.dirty {
		if d != f && !fresh[d] {
			d.dirty = false
		}
	}
	clear(x.dirtyIDs)
}

// Changed yields no more than what changes: the cost of a change does not grow with the
// index, and hero.jpg's warning goes when hero.png does.
func TestNameIndexReportsOnlyTheFilesThatChange(t *testing.T) {
	var x NameIndex[string]
	changed := func() []string {
		var keys []string
		for f := range x.Changed {
			keys = append(keys, f.Key())
		}
		slices.Sort(keys)
		return keys
	}
	expect := func(step string, want ...string) {
		t.Helper()
		if got := changed(); !slices.Equal(got, want) {
			t.Fatalf("%s: Changed yields %q, want %q", step, got, want)
		}
	}
	for i := range 1000 {
		x.Add(fmt.Sprint("other", i), fmt.Sprintf("c/img%04d.jpg", i))
	}
	expect("a thousand files", func() []string {
		var all []string
		for i := range 1000 {
			all = append(all, fmt.Sprint("other", i))
		}
		slices.Sort(all)
		return all
	}()...)
	jpg := x.Add("jpg", "c/hero.jpg")
	expect("hero.jpg", "jpg")
	png := x.Add("png", "d/hero.png")
	expect("hero.png", "jpg", "png")
	tif := x.Add("tif", "hero.tif")
	expect("hero.tif", "tif")
	warns := func(f *NameFile[string]) string { return fmt.Sprint(x.AppendWarnings(nil, f)) }
	if got := warns(tif); got != `[hero.tif: same-asset (asset ID "hero")]` || x.AppendWarnings(nil, tif)[0].Other != "c/hero.jpg" {
		t.Fatalf("hero.tif: %v", x.AppendWarnings(nil, tif))
	}
	if w := x.AppendWarnings(nil, jpg); w[0].Other != "d/hero.png" {
		t.Fatalf("the first file names the second: %v", w)
	}
	x.Remove(tif)
	expect("hero.tif removed")
	x.Remove(png)
	expect("hero.png removed", "jpg")
	if w := x.AppendWarnings(nil, jpg); len(w) != 0 {
		t.Fatalf("hero.jpg alone: %v", w)
	}
	png = x.Add("png", "d/hero.png")
	tif = x.Add("tif", "hero.tif")
	x.Remove(jpg)
	x.Remove(jpg) // twice is once
	expect("hero.jpg removed", "png", "tif")
	if w := x.AppendWarnings(nil, tif); w[0].Other != "d/hero.png" {
		t.Fatalf("hero.tif names the new first file: %v", w)
	}
	if w := x.AppendWarnings(nil, png); w[0].Other != "hero.tif" {
		t.Fatalf("the new first file names the new second: %v", w)
	}
	if w := x.AppendWarnings(nil, jpg); len(w) != 0 {
		t.Fatalf("a removed file: %v", w)
	}
}
