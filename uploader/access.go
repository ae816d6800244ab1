package uploader

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"reflect"
	"strconv"
	"strings"
)

// Get and Set reach an element of Options by its Fields path, so that forms and validation
// are driven by the table rather than by code written once per field.

// Get returns the value at path: bool, int, float64, string, []string (handles) or, for a
// block, whether it is switched on (bool). An element inside a block that is off reads as
// its zero value.
func (o *Options) Get(path string) (any, error) {
	f, ok := FieldByPath(path)
	if !ok {
		return nil, fmt.Errorf("unknown option %q", path)
	}
	v, err := walk(reflect.ValueOf(o).Elem(), path, false)
	if err != nil {
		return nil, err
	}
	if !v.IsValid() { // inside a block that is off
		return zeroOf(f.Kind), nil
	}
	return fromValue(f.Kind, v), nil
}

// Set stores value at path, switching on the blocks around it. For a block, value is a bool:
// true switches it on with its defaults (keeping it as it is when already on), false off.
func (o *Options) Set(path string, value any) error {
	f, ok := FieldByPath(path)
	if !ok {
		return fmt.Errorf("unknown option %q", path)
	}
	v, err := walk(reflect.ValueOf(o).Elem(), path, true)
	if err != nil {
		return err
	}
	if f.Kind == KindBlock {
		on, ok := value.(bool)
		if !ok {
			return fmt.Errorf("option %s: want on/off, got %T", path, value)
		}
		switch {
		case !on:
			v.Set(reflect.Zero(v.Type()))
		case v.IsNil():
			v.Set(reflect.ValueOf(blockDefaults[path]()))
		}
		return nil
	}
	return toValue(f, v, value)
}

// walk follows path through struct fields named by their xml tags. With create, nil blocks
// on the way are switched on with their defaults; without, it returns an invalid Value when
// a block on the way is off.
func walk(v reflect.Value, path string, create bool) (reflect.Value, error) {
	parts := strings.Split(path, ".")
	prefix := ""
	for i, name := range parts {
		if prefix == "" {
			prefix = name
		} else {
			prefix += "." + name
		}
		fv, ok := fieldByXMLName(v, name)
		if !ok {
			return reflect.Value{}, fmt.Errorf("option %q: no element %q", path, name)
		}
		if i == len(parts)-1 {
			return fv, nil
		}
		if fv.Kind() == reflect.Pointer {
			if fv.IsNil() {
				if !create {
					return reflect.Value{}, nil
				}
				mk, ok := blockDefaults[prefix]
				if !ok {
					return reflect.Value{}, fmt.Errorf("option %q: %q is not a block", path, prefix)
				}
				fv.Set(reflect.ValueOf(mk()))
			}
			fv = fv.Elem()
		}
		v = fv
	}
	return reflect.Value{}, fmt.Errorf("empty option path")
}

func fieldByXMLName(v reflect.Value, name string) (reflect.Value, bool) {
	t := v.Type()
	for i := range t.NumField() {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("xml"), ",")
		if tag == name {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

func zeroOf(k FieldKind) any {
	switch k {
	case KindBlock, KindBool:
		return false
	case KindInt:
		return 0
	case KindFloat:
		return 0.0
	case KindHandles:
		return []string(nil)
	}
	return ""
}

func fromValue(k FieldKind, v reflect.Value) any {
	switch k {
	case KindBlock:
		return !v.IsNil()
	case KindBool:
		if v.Kind() == reflect.Pointer { // preserveCrop: unset means the server default, true
			return v.IsNil() || v.Elem().Bool()
		}
		return v.Bool()
	case KindInt:
		return int(v.Int())
	case KindFloat:
		return v.Float()
	case KindHandles:
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return []string(nil)
			}
			v = v.Elem()
		}
		return append([]string(nil), v.Interface().(HandleArray).Items...)
	}
	return v.String()
}

func toValue(f Field, v reflect.Value, value any) error {
	bad := func() error { return fmt.Errorf("option %s: want %s, got %T", f.Path, kindName(f.Kind), value) }
	switch f.Kind {
	case KindBool:
		b, ok := value.(bool)
		if !ok {
			return bad()
		}
		if v.Kind() == reflect.Pointer {
			v.Set(reflect.ValueOf(Bool(b)))
		} else {
			v.SetBool(b)
		}
	case KindInt:
		n, ok := value.(int)
		if !ok {
			return bad()
		}
		v.SetInt(int64(n))
	case KindFloat:
		x, ok := value.(float64)
		if !ok {
			return bad()
		}
		v.SetFloat(x)
	case KindString, KindChoice:
		s, ok := value.(string)
		if !ok {
			return bad()
		}
		v.SetString(s)
	case KindHandles:
		items, ok := value.([]string)
		if !ok {
			return bad()
		}
		items = cleanHandles(items)
		if v.Kind() == reflect.Pointer {
			if len(items) == 0 {
				v.Set(reflect.Zero(v.Type()))
				return nil
			}
			v.Set(reflect.ValueOf(&HandleArray{Items: items}))
		} else {
			v.Set(reflect.ValueOf(HandleArray{Items: items}))
		}
	}
	return nil
}

func cleanHandles(items []string) []string {
	var out []string
	for _, s := range items {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func kindName(k FieldKind) string {
	return [...]string{"on/off", "yes/no", "a whole number", "a number", "text", "a choice", "a list of handles"}[k]
}

// ProblemKind is what is wrong with an option's value.
type ProblemKind int

const (
	ProblemRange     ProblemKind = iota + 1 // a number outside Min..Max
	ProblemNoChoice                         // a required choice left empty
	ProblemBadChoice                        // a value that is not one of Choices
	ProblemNoHandle                         // a required list of handles left empty
	ProblemBadURL                           // not a full http(s) URL
	ProblemUnknown                          // the option cannot be read (Err)
)

// Problem is one invalid option: its field, what is wrong and the values a sentence
// needs (package words says it, with the option's label, in the language people read).
type Problem struct {
	Path string
	Kind ProblemKind
	// Value is the value given (ProblemRange, ProblemBadChoice, ProblemBadURL).
	Value string
	// Min and Max bound a number (ProblemRange); Choices are the values allowed.
	Min, Max string
	Choices  []string
	Err      error // ProblemUnknown
}

func (p Problem) String() string {
	switch p.Kind {
	case ProblemRange:
		return fmt.Sprintf("%s: %s not in %s..%s", p.Path, p.Value, p.Min, p.Max)
	case ProblemNoChoice, ProblemNoHandle:
		return p.Path + ": empty"
	case ProblemBadChoice, ProblemBadURL:
		return fmt.Sprintf("%s: bad value %q", p.Path, p.Value)
	case ProblemUnknown:
		return fmt.Sprintf("%s: %v", p.Path, p.Err)
	}
	return p.Path
}

// ValidationError lists every invalid option at once, so a form can mark them all.
type ValidationError struct{ Problems []Problem }

func (e *ValidationError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.String()
	}
	return "invalid options: " + strings.Join(msgs, "; ")
}

// ErrInvalidOptions is matched by every *ValidationError (errors.Is).
var ErrInvalidOptions = errors.New("invalid upload options")

func (e *ValidationError) Is(target error) bool { return target == ErrInvalidOptions }

// Validate checks every option against the Fields table and returns a *ValidationError
// naming each problem, or nil.
func (o Options) Validate() error {
	var problems []Problem
	for _, f := range Fields {
		if p := o.check(f); p != nil {
			problems = append(problems, *p)
		}
	}
	if problems == nil {
		return nil
	}
	return &ValidationError{Problems: problems}
}

// FieldProblem checks one field, nil when it is fine; the GUI calls it as the user types.
func (o Options) FieldProblem(path string) *Problem {
	f, ok := FieldByPath(path)
	if !ok {
		return nil
	}
	return o.check(f)
}

func (o Options) check(f Field) *Problem {
	p := &Problem{Path: f.Path}
	v, err := walk(reflect.ValueOf(&o).Elem(), f.Path, false)
	if err != nil {
		p.Kind, p.Err = ProblemUnknown, err
		return p
	}
	if !v.IsValid() || f.Kind == KindBlock || f.Kind == KindBool {
		return nil // inside a block that is off, or nothing to check
	}
	val := fromValue(f.Kind, v)
	switch f.Kind {
	case KindInt, KindFloat:
		// NaN is an xsd:double, but no setting's number (strconv reads "NaN" as one), and
		// it would pass any comparison with the range.
		x := toFloat(val)
		if math.IsNaN(x) || f.Min < f.Max && (x < f.Min || x > f.Max) {
			p.Kind, p.Min, p.Max, p.Value = ProblemRange, num(f.Min), num(f.Max), num(x)
			return p
		}
	case KindChoice:
		s := val.(string)
		if s == "" {
			if f.Required {
				p.Kind = ProblemNoChoice
				return p
			}
			return nil
		}
		for _, c := range f.Choices {
			if c == s {
				return nil
			}
		}
		p.Kind, p.Value, p.Choices = ProblemBadChoice, s, f.Choices
		return p
	case KindHandles:
		if f.Required && len(val.([]string)) == 0 {
			p.Kind = ProblemNoHandle
			return p
		}
	case KindString:
		s := val.(string)
		switch f.Path {
		case "postHttpUrl":
			if s != "" {
				if u, err := url.Parse(s); err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
					p.Kind, p.Value = ProblemBadURL, s
					return p
				}
			}
		}
	}
	return nil
}

func toFloat(v any) float64 {
	if n, ok := v.(int); ok {
		return float64(n)
	}
	return v.(float64)
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
