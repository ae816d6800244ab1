package main

import (
	"errors"
	"flag"
	"os"
	"strconv"
	"strings"

	"hoist/app/store"
	"hoist/internal/words"
	"hoist/uploader"
)

// optionFlags are upload's UploadPostJob flags. They start from --preset (or the defaults)
// and override it only where given, so a preset's setting survives a flag left out.
type optionFlags struct {
	preset                                                 string
	overwrite, readyForPublish, preservePublishState, mask bool
	emailSetting                                           string
	crop                                                   string
}

// scene7OnlyFlags do nothing for Dr.Sum; giving them with --service drsum earns a warning.
// (--company is left out: scripts pass it to both services, and it harms nothing.)
var scene7OnlyFlags = []string{"ready-for-publish", "preserve-publish-state", "create-mask", "email-setting", "crop", "job-name", "wait", "wait-limit", "publish-base"}

func addOptionFlags(fs *flag.FlagSet) *optionFlags {
	o := &optionFlags{}
	d := uploader.DefaultOptions()
	fs.StringVar(&o.preset, "preset", "", words.T("cli.flag.preset", nil))
	fs.BoolVar(&o.overwrite, "overwrite", false, words.T("cli.flag.overwrite", nil))
	fs.BoolVar(&o.readyForPublish, "ready-for-publish", d.ReadyForPublish, words.T("cli.flag.ready_for_publish", nil))
	fs.BoolVar(&o.preservePublishState, "preserve-publish-state", d.PreservePublishState, words.T("cli.flag.preserve_publish_state", nil))
	fs.BoolVar(&o.mask, "create-mask", d.CreateMask, words.T("cli.flag.create_mask", nil))
	fs.StringVar(&o.emailSetting, "email-setting", string(d.EmailSetting), words.T("cli.flag.email_setting", words.A{"Choices": strings.Join(emailChoices(), ", ")}))
	fs.StringVar(&o.crop, "crop", "", words.T("cli.flag.crop", nil))
	return o
}

func emailChoices() []string {
	f, _ := uploader.FieldByPath("emailSetting")
	return f.Choices
}

// build returns the options, the preset's destination folder ("" when it names none) and
// every problem with them as sentences (exit 2).
func (o *optionFlags) build(c *cli, set map[string]bool) (opts uploader.Options, folder string, problems []string) {
	opts = uploader.DefaultOptions()
	if o.preset != "" {
		p, err := c.loadPreset(o.preset)
		if err != nil {
			return opts, "", []string{words.Error(err)}
		}
		opts, folder = p.Options, p.DestFolder
	}
	if set["overwrite"] {
		opts.Overwrite = o.overwrite
	}
	if set["ready-for-publish"] {
		opts.ReadyForPublish = o.readyForPublish
	}
	if set["preserve-publish-state"] {
		opts.PreservePublishState = o.preservePublishState
	}
	if set["create-mask"] {
		opts.CreateMask = o.mask
	}
	if set["email-setting"] {
		opts.EmailSetting = uploader.EmailSetting(o.emailSetting)
		// Accept any letter case, the way people type it.
		for _, ch := range emailChoices() {
			if strings.EqualFold(ch, strings.TrimSpace(o.emailSetting)) {
				opts.EmailSetting = uploader.EmailSetting(ch)
			}
		}
	}
	if set["crop"] {
		crop, err := parseCrop(o.crop)
		if err != nil {
			problems = append(problems, err.Error())
		} else {
			opts.ManualCrop = crop
		}
	}
	if err := opts.Validate(); err != nil {
		var ve *uploader.ValidationError
		if !errors.As(err, &ve) {
			return opts, folder, append(problems, words.Error(err))
		}
		for i := range ve.Problems {
			problems = append(problems, optionProblem(&ve.Problems[i], set))
		}
	}
	return opts, folder, problems
}

// optionPaths name the flag of each upload option a flag sets, by its uploader.Fields
// path; a crop side is a part of --crop.
var optionPaths = map[string]struct{ flag, side string }{
	"emailSetting":             {"email-setting", ""},
	"manualCropOptions.left":   {"crop", "LEFT"},
	"manualCropOptions.right":  {"crop", "RIGHT"},
	"manualCropOptions.top":    {"crop", "TOP"},
	"manualCropOptions.bottom": {"crop", "BOTTOM"},
}

// optionProblem words an invalid option: by its flag and the values typed after it when
// the value came from that flag; by the window's label when it came from a preset, which
// is made in the window.
func optionProblem(p *uploader.Problem, set map[string]bool) string {
	o, ok := optionPaths[p.Path]
	if !ok || !set[o.flag] {
		return words.OptionProblem(p)
	}
	flag := "--" + o.flag
	if o.side != "" {
		flag = words.T("cli.problem.crop_side", words.A{"Side": o.side})
	}
	return words.FlagProblem(p, flag)
}

// loadPreset reads --preset: a preset file, or else the name of a preset saved in the
// Hoist window. What does not exist is said for what it was taken to be: a path (it has
// a folder separator) as a missing file; a name as neither file nor saved preset, or,
// when the settings folder that holds the saved presets cannot be opened, as that.
func (c *cli) loadPreset(arg string) (store.Preset, error) {
	_, statErr := os.Stat(arg)
	if !errors.Is(statErr, os.ErrNotExist) {
		return store.LoadPreset(arg)
	}
	if strings.ContainsAny(arg, `/\`) {
		return store.Preset{}, words.Fail("cli.problem.no_preset_file", words.A{"Value": arg}, statErr)
	}
	cfg, err := c.config()
	if err != nil {
		return store.Preset{}, words.Fail("cli.problem.no_preset_config", words.A{"Value": arg, "Reason": err.Error()}, err)
	}
	// The saved preset, or why it cannot be used: a damaged file says so, with its path,
	// rather than "no such file" about the name typed.
	p, err := cfg.Presets.Load(arg)
	if errors.Is(err, store.ErrPresetNotFound) {
		return store.Preset{}, words.Fail("cli.problem.no_preset", words.A{"Value": arg}, statErr)
	}
	return p, err
}

// parseCrop reads LEFT,RIGHT,TOP,BOTTOM; ranges are checked by Options.Validate.
func parseCrop(s string) (*uploader.ManualCrop, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return nil, errors.New(words.T("cli.problem.crop_parts", words.A{"Value": s}))
	}
	var v [4]int
	for i, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			return nil, errors.New(words.T("cli.problem.crop_number", words.A{"Value": s, "Part": strings.TrimSpace(p)}))
		}
		v[i] = n
	}
	return &uploader.ManualCrop{Left: v[0], Right: v[1], Top: v[2], Bottom: v[3]}, nil
}
