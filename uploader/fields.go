package uploader

// Fields is the one table of UploadPostJob knowledge beyond the struct itself: for every
// element, the group it is shown in, its allowed values and range. Its words for people
// (label, help, group titles, the values' labels) are in assets/messages/options.LANG.json,
// keyed by the path (package words: OptionLabel, OptionHelp…). The GUI builds its forms
// from it, Validate checks against it, and a test keeps it in step with the Options
// struct (same elements, same order). Entries marked Unverified
// could not be confirmed from a public source (docs/protocol.md §String constants).

// FieldKind is how a value is entered and checked.
type FieldKind int

const (
	KindBlock   FieldKind = iota // an optional group of elements, on or off
	KindBool                     // xsd:boolean
	KindInt                      // xsd:int
	KindFloat                    // xsd:double
	KindString                   // free text
	KindChoice                   // one of Choices
	KindHandles                  // a HandleArray: a list of handles
)

// Field describes one element of the UploadPostJob.
type Field struct {
	Path       string // dotted XML path below uploadParams, e.g. "manualCropOptions.left"
	Group      string // the id of the form section it is shown in (Groups)
	Kind       FieldKind
	Choices    []string // KindChoice: allowed values; "" allowed only when !Required
	Min, Max   float64  // KindInt/KindFloat: inclusive range when Min < Max
	Required   bool     // must be set whenever its block is sent
	Unverified bool     // not confirmed by a public schema
}

// Groups are the ids of the form sections, in the order the forms show them.
var Groups = []string{
	"Publishing", "Crop", "Photoshop", "PDF", "Illustrator", "PostScript", "InDesign",
	"Sharpening", "BackgroundKnockout", "ColourManagement", "Video", "Archives",
	"Metadata", "Projects", "Advanced",
}

var (
	corners         = []string{"UpperLeft", "UpperRight", "BottomLeft", "BottomRight"}
	colorSpaces     = []string{"Auto", "Rgb", "Cmyk", "Gray"}
	rasterProcesses = []string{"None", "Rasterize"}
)

// Fields lists every element in schema order (see Options for where the order comes from).
var Fields = []Field{
	{Path: "overwrite", Group: "Publishing", Kind: KindBool, Required: true},
	{Path: "readyForPublish", Group: "Publishing", Kind: KindBool, Required: true},
	{Path: "preservePublishState", Group: "Publishing", Kind: KindBool, Required: true},
	{Path: "createMask", Group: "Publishing", Kind: KindBool, Required: true},
	{Path: "preserveCrop", Group: "Crop", Kind: KindBool},
	{Path: "knockoutBackgroundOptions", Group: "BackgroundKnockout", Kind: KindBlock, Unverified: true},
	{Path: "knockoutBackgroundOptions.corner", Group: "BackgroundKnockout", Kind: KindChoice, Choices: corners, Required: true},
	{Path: "knockoutBackgroundOptions.tolerance", Group: "BackgroundKnockout", Kind: KindFloat, Min: 0, Max: 1, Required: true},
	{Path: "knockoutBackgroundOptions.fillMethod", Group: "BackgroundKnockout", Kind: KindChoice, Choices: []string{"FloodFill", "MatchPixel"}, Required: true},
	{Path: "manualCropOptions", Group: "Crop", Kind: KindBlock},
	{Path: "manualCropOptions.left", Group: "Crop", Kind: KindInt, Min: 0, Max: 1 << 20, Required: true},
	{Path: "manualCropOptions.right", Group: "Crop", Kind: KindInt, Min: 0, Max: 1 << 20, Required: true},
	{Path: "manualCropOptions.top", Group: "Crop", Kind: KindInt, Min: 0, Max: 1 << 20, Required: true},
	{Path: "manualCropOptions.bottom", Group: "Crop", Kind: KindInt, Min: 0, Max: 1 << 20, Required: true},
	{Path: "autoColorCropOptions", Group: "Crop", Kind: KindBlock},
	{Path: "autoColorCropOptions.corner", Group: "Crop", Kind: KindChoice, Choices: corners, Required: true},
	{Path: "autoColorCropOptions.tolerance", Group: "Crop", Kind: KindFloat, Min: 0, Max: 1, Required: true},
	{Path: "autoTransparentCropOptions", Group: "Crop", Kind: KindBlock},
	{Path: "autoTransparentCropOptions.tolerance", Group: "Crop", Kind: KindFloat, Min: 0, Max: 1, Required: true},
	{Path: "photoshopOptions", Group: "Photoshop", Kind: KindBlock, Unverified: true},
	{Path: "photoshopOptions.process", Group: "Photoshop", Kind: KindChoice, Choices: []string{"None", "MaintainLayers"}},
	{Path: "photoshopOptions.layerOptions", Group: "Photoshop", Kind: KindBlock},
	{Path: "photoshopOptions.layerOptions.layerNaming", Group: "Photoshop", Kind: KindChoice, Required: true,
		Choices: []string{"LayerName", "AppendNumber", "AppendName", "Folders"}},
	{Path: "photoshopOptions.layerOptions.anchor", Group: "Photoshop", Kind: KindChoice, Required: true,
		Choices: []string{"Center", "North", "Northwest", "West", "Southwest", "South", "Southeast", "East", "Northeast"}},
	{Path: "photoshopOptions.layerOptions.createTemplate", Group: "Photoshop", Kind: KindBool},
	{Path: "photoshopOptions.layerOptions.extractText", Group: "Photoshop", Kind: KindBool},
	{Path: "photoshopOptions.layerOptions.extendLayers", Group: "Photoshop", Kind: KindBool},
	{Path: "postScriptOptions", Group: "PostScript", Kind: KindBlock, Unverified: true},
	{Path: "postScriptOptions.process", Group: "PostScript", Kind: KindChoice, Choices: rasterProcesses, Unverified: true},
	{Path: "postScriptOptions.resolution", Group: "PostScript", Kind: KindFloat, Min: 0, Max: 2400},
	{Path: "postScriptOptions.colorspace", Group: "PostScript", Kind: KindChoice, Choices: colorSpaces},
	{Path: "postScriptOptions.alpha", Group: "PostScript", Kind: KindBool},
	{Path: "postScriptOptions.extractSearchWords", Group: "PostScript", Kind: KindBool},
	{Path: "pdfOptions", Group: "PDF", Kind: KindBlock, Unverified: true},
	{Path: "pdfOptions.process", Group: "PDF", Kind: KindChoice, Choices: []string{"None", "Rasterize", "Thumbnail"}},
	{Path: "pdfOptions.resolution", Group: "PDF", Kind: KindFloat, Min: 0, Max: 2400},
	{Path: "pdfOptions.colorspace", Group: "PDF", Kind: KindChoice, Choices: colorSpaces},
	{Path: "pdfOptions.pdfCatalog", Group: "PDF", Kind: KindBool},
	{Path: "pdfOptions.extractSearchWords", Group: "PDF", Kind: KindBool},
	{Path: "pdfOptions.extractLinks", Group: "PDF", Kind: KindBool},
	{Path: "illustratorOptions", Group: "Illustrator", Kind: KindBlock, Unverified: true},
	{Path: "illustratorOptions.process", Group: "Illustrator", Kind: KindChoice, Choices: rasterProcesses},
	{Path: "illustratorOptions.resolution", Group: "Illustrator", Kind: KindFloat, Min: 0, Max: 2400},
	{Path: "illustratorOptions.colorspace", Group: "Illustrator", Kind: KindChoice, Choices: colorSpaces},
	{Path: "illustratorOptions.alpha", Group: "Illustrator", Kind: KindBool},
	{Path: "colorManagementOptions", Group: "ColourManagement", Kind: KindBlock, Unverified: true},
	{Path: "colorManagementOptions.colorManagement", Group: "ColourManagement", Kind: KindChoice, Required: true,
		Choices: []string{"Default", "MaintainOriginal", "Convert"}},
	{Path: "colorManagementOptions.sourceProfileHandle", Group: "ColourManagement", Kind: KindString},
	{Path: "colorManagementOptions.outputProfileHandle", Group: "ColourManagement", Kind: KindString},
	{Path: "autoSetCreationOptions", Group: "Advanced", Kind: KindBlock, Unverified: true},
	{Path: "autoSetCreationOptions.autoSetsArray", Group: "Advanced", Kind: KindHandles, Required: true},
	{Path: "projectHandleArray", Group: "Projects", Kind: KindHandles, Unverified: true},
	{Path: "emailSetting", Group: "Publishing", Kind: KindChoice, Required: true,
		Choices: []string{string(EmailNone), string(EmailJobCompletion), string(EmailError), string(EmailErrorAndWarning), string(EmailAll)}},
	{Path: "postHttpUrl", Group: "Advanced", Kind: KindString, Unverified: true},
	{Path: "mediaOptions", Group: "Video", Kind: KindBlock, Unverified: true},
	{Path: "mediaOptions.videoEncodingPresetsArray", Group: "Video", Kind: KindHandles},
	{Path: "mediaOptions.generateThumbnail", Group: "Video", Kind: KindBool},
	{Path: "mediaOptions.thumbnailOptions", Group: "Video", Kind: KindBlock},
	{Path: "mediaOptions.thumbnailOptions.thumbnailTime", Group: "Video", Kind: KindInt, Min: 0, Max: 1 << 31, Required: true},
	{Path: "inDesignOptions", Group: "InDesign", Kind: KindBlock, Unverified: true},
	{Path: "inDesignOptions.process", Group: "InDesign", Kind: KindString, Unverified: true},
	{Path: "xmpKeywords", Group: "Metadata", Kind: KindString, Unverified: true},
	{Path: "unsharpMaskOptions", Group: "Sharpening", Kind: KindBlock, Unverified: true},
	{Path: "unsharpMaskOptions.amount", Group: "Sharpening", Kind: KindFloat, Min: 0, Max: 5, Required: true},
	{Path: "unsharpMaskOptions.radius", Group: "Sharpening", Kind: KindFloat, Min: 0, Max: 250, Required: true},
	{Path: "unsharpMaskOptions.threshold", Group: "Sharpening", Kind: KindInt, Min: 0, Max: 255, Required: true},
	{Path: "unsharpMaskOptions.monochrome", Group: "Sharpening", Kind: KindInt, Min: 0, Max: 1, Required: true},
	{Path: "unCompressOptions", Group: "Archives", Kind: KindBlock, Unverified: true},
	{Path: "unCompressOptions.process", Group: "Archives", Kind: KindChoice, Choices: []string{"None", "UnCompress"}, Required: true},
}

// FieldByPath returns the table entry for path.
func FieldByPath(path string) (Field, bool) {
	for _, f := range Fields {
		if f.Path == path {
			return f, true
		}
	}
	return Field{}, false
}

// blockDefaults are the values a block starts with when it is switched on, chosen to be
// what a person most likely wants and to pass validation.
var blockDefaults = map[string]func() any{
	"manualCropOptions":          func() any { return &ManualCrop{} },
	"autoColorCropOptions":       func() any { return &AutoCrop{Corner: "UpperLeft", Tolerance: 0.1} },
	"autoTransparentCropOptions": func() any { return &Tolerance{Tolerance: 0.1} },
	"photoshopOptions":           func() any { return &Photoshop{Process: "None"} },
	"photoshopOptions.layerOptions": func() any {
		return &PhotoshopLayer{LayerNaming: "LayerName", Anchor: "Center"}
	},
	"pdfOptions":                    func() any { return &PDF{Process: "Rasterize", Colorspace: "Auto", PDFCatalog: true} },
	"postScriptOptions":             func() any { return &PostScript{Process: "Rasterize", Colorspace: "Auto"} },
	"illustratorOptions":            func() any { return &Illustrator{Process: "Rasterize", Colorspace: "Auto"} },
	"inDesignOptions":               func() any { return &InDesign{} },
	"colorManagementOptions":        func() any { return &ColorMgmt{ColorManagement: "Default"} },
	"autoSetCreationOptions":        func() any { return &AutoSets{} },
	"unsharpMaskOptions":            func() any { return &Unsharp{Amount: 0, Radius: 0, Threshold: 6, Monochrome: 0} },
	"knockoutBackgroundOptions":     func() any { return &Knockout{Corner: "UpperLeft", Tolerance: 0.1, FillMethod: "FloodFill"} },
	"mediaOptions":                  func() any { return &Media{} },
	"mediaOptions.thumbnailOptions": func() any { return &Thumbnail{} },
	"unCompressOptions":             func() any { return &UnCompress{Process: "UnCompress"} },
}
