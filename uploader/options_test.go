package uploader

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The table and the struct must name the same elements in the same order: the struct gives
// the XML order, the table everything else.
func TestFieldsTableMatchesStruct(t *testing.T) {
	var fromStruct []string
	var visit func(rt reflect.Type, prefix string)
	visit = func(rt reflect.Type, prefix string) {
		for i := range rt.NumField() {
			tag, _, _ := strings.Cut(rt.Field(i).Tag.Get("xml"), ",")
			path := prefix + tag
			fromStruct = append(fromStruct, path)
			ft := rt.Field(i).Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct && ft != reflect.TypeOf(HandleArray{}) {
				visit(ft, path+".")
			}
		}
	}
	visit(reflect.TypeOf(Options{}), "")
	var fromTable []string
	for _, f := range Fields {
		fromTable = append(fromTable, f.Path)
		if !slices.Contains(Groups, f.Group) {
			t.Errorf("%s: group %q is not one of Groups", f.Path, f.Group)
		}
		if f.Kind == KindBlock {
			if _, ok := blockDefaults[f.Path]; !ok {
				t.Errorf("%s: block without defaults", f.Path)
			}
		}
	}
	if !reflect.DeepEqual(fromStruct, fromTable) {
		t.Errorf("table and struct differ\nstruct: %v\ntable:  %v", fromStruct, fromTable)
	}
}

func TestGetSet(t *testing.T) {
	o := DefaultOptions()
	if on, _ := o.Get("manualCropOptions"); on != false {
		t.Fatal("manual crop should start off")
	}
	if v, _ := o.Get("manualCropOptions.left"); v != 0 {
		t.Fatalf("left of an off block = %v", v)
	}
	if err := o.Set("manualCropOptions.left", 12); err != nil {
		t.Fatal(err)
	}
	if o.ManualCrop == nil || o.ManualCrop.Left != 12 {
		t.Fatalf("Set did not switch the block on: %+v", o.ManualCrop)
	}
	if v, _ := o.Get("preserveCrop"); v != true {
		t.Error("unset preserveCrop reads as the server default, true")
	}
	_ = o.Set("preserveCrop", false)
	if o.PreserveCrop == nil || *o.PreserveCrop {
		t.Error("preserveCrop false not stored")
	}
	if err := o.Set("manualCropOptions", false); err != nil || o.ManualCrop != nil {
		t.Fatalf("block off: %v %+v", err, o.ManualCrop)
	}
	if err := o.Set("projectHandleArray", []string{" p|1 ", "", "p|2"}); err != nil || !reflect.DeepEqual(o.ProjectHandles.Items, []string{"p|1", "p|2"}) {
		t.Fatalf("handles: %v %+v", err, o.ProjectHandles)
	}
	_ = o.Set("projectHandleArray", []string{})
	if o.ProjectHandles != nil {
		t.Error("empty handle list should not be sent")
	}
	if err := o.Set("overwrite", "yes"); err == nil {
		t.Error("a string into a boolean must fail")
	}
	if err := o.Set("nope", 1); err == nil {
		t.Error("unknown path must fail")
	}
}

func TestValidate(t *testing.T) {
	if err := DefaultOptions().Validate(); err != nil {
		t.Fatalf("defaults invalid: %v", err)
	}
	o := DefaultOptions()
	o.EmailSetting = "Sometimes"
	_ = o.Set("autoColorCropOptions.tolerance", 1.5)
	_ = o.Set("unsharpMaskOptions.threshold", 300)
	_ = o.Set("illustratorOptions.resolution", 9600.0)
	_ = o.Set("autoSetCreationOptions", true)
	err := o.Validate()
	var ve *ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, ErrInvalidOptions) {
		t.Fatalf("got %v", err)
	}
	want := map[string]Problem{
		"emailSetting":                         {Kind: ProblemBadChoice, Value: "Sometimes"},
		"autoColorCropOptions.tolerance":       {Kind: ProblemRange, Min: "0", Max: "1", Value: "1.5"},
		"unsharpMaskOptions.threshold":         {Kind: ProblemRange, Min: "0", Max: "255", Value: "300"},
		"illustratorOptions.resolution":        {Kind: ProblemRange, Min: "0", Max: "2400", Value: "9600"},
		"autoSetCreationOptions.autoSetsArray": {Kind: ProblemNoHandle},
	}
	if len(ve.Problems) != len(want) {
		t.Errorf("got %d problems: %+v", len(ve.Problems), ve.Problems)
	}
	for _, p := range ve.Problems {
		w := want[p.Path]
		if p.Kind != w.Kind || p.Value != w.Value || p.Min != w.Min || p.Max != w.Max {
			t.Errorf("%s: %+v, want %+v", p.Path, p, w)
		}
	}
	if p := o.FieldProblem("unsharpMaskOptions.threshold"); p == nil || p.Kind != ProblemRange {
		t.Error("FieldProblem misses the threshold")
	} // NaN is a number to strconv (a "NaN" typed into a field) but within no range.
	_ = o.Set("knockoutBackgroundOptions", true)
	_ = o.Set("knockoutBackgroundOptions.tolerance", math.NaN())
	if p := o.FieldProblem("knockoutBackgroundOptions.tolerance"); p == nil || p.Kind != ProblemRange || p.Value != "NaN" {
		t.Errorf("NaN tolerance: %+v", p)
	}
}

func TestOptionsJSONRoundTrip(t *testing.T) {
	o := fullOptions(t)
	b, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	var back Options
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(o, back) {
		t.Errorf("JSON round trip changed options:\n%s", b)
	}
	if !strings.Contains(string(b), `"manualCropOptions":{"left"`) {
		t.Errorf("JSON names should equal XML names: %s", b)
	}
}
