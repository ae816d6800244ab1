package uploader

// Fields is the one table of UploadPostJob knowledge beyond the struct itself: for every
// element, the group it is shown in, its label and help for people, its allowed values and
// range. The GUI builds its forms from it, Validate checks against it, and a test keeps it
// in step with the Options struct (same elements, same order). Entries marked Unverified
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
	Group      string // the form section it is shown in
	Label      string
	Help       string
	Kind       FieldKind
	Choices    []string // KindChoice: allowed values; "" allowed only when !Required
	Min, Max   float64  // KindInt/KindFloat: inclusive range when Min < Max
	Required   bool     // must be set whenever its block is sent
	Unverified bool     // not confirmed by a public schema
}

// Groups in the order the forms show them.
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
	{Path: "overwrite", Group: "Publishing", Label: "Replace files with the same name", Kind: KindBool, Required: true,
		Help: "On: a file whose name already exists in the destination replaces it. Off: the existing asset is kept and the new file is skipped."},
	{Path: "readyForPublish", Group: "Publishing", Label: "Mark ready for publish", Kind: KindBool, Required: true,
		Help: "Uploaded assets are marked ready to be published at the next publish."},
	{Path: "preservePublishState", Group: "Publishing", Label: "Keep publish state of replaced files", Kind: KindBool, Required: true,
		Help: "When a file replaces an existing asset, the asset keeps the publish state it had."},
	{Path: "createMask", Group: "Publishing", Label: "Create a mask", Kind: KindBool, Required: true,
		Help: "Create a mask from the image's transparency (clipping path or alpha channel)."},
	{Path: "preserveCrop", Group: "Crop", Label: "Keep existing crops", Kind: KindBool,
		Help: "Keep crop definitions of replaced assets (the server's default is yes). A manual crop below is applied anyway."},
	{Path: "knockoutBackgroundOptions", Group: "BackgroundKnockout", Label: "Knock out the background", Kind: KindBlock, Unverified: true,
		Help: "Make the background transparent so the subject can be laid over other images."},
	{Path: "knockoutBackgroundOptions.corner", Group: "BackgroundKnockout", Label: "Background colour taken from corner", Kind: KindChoice, Choices: corners, Required: true},
	{Path: "knockoutBackgroundOptions.tolerance", Group: "BackgroundKnockout", Label: "Tolerance (0 to 1)", Kind: KindFloat, Min: 0, Max: 1, Required: true},
	{Path: "knockoutBackgroundOptions.fillMethod", Group: "BackgroundKnockout", Label: "Fill method", Kind: KindChoice, Choices: []string{"FloodFill", "MatchPixel"}, Required: true},
	{Path: "manualCropOptions", Group: "Crop", Label: "Manual crop", Kind: KindBlock,
		Help: "Cut a fixed number of pixels from each edge of every image."},
	{Path: "manualCropOptions.left", Group: "Crop", Label: "Left (pixels)", Kind: KindInt, Min: 0, Max: 1 << 20, Required: true},
	{Path: "manualCropOptions.right", Group: "Crop", Label: "Right (pixels)", Kind: KindInt, Min: 0, Max: 1 << 20, Required: true},
	{Path: "manualCropOptions.top", Group: "Crop", Label: "Top (pixels)", Kind: KindInt, Min: 0, Max: 1 << 20, Required: true},
	{Path: "manualCropOptions.bottom", Group: "Crop", Label: "Bottom (pixels)", Kind: KindInt, Min: 0, Max: 1 << 20, Required: true},
	{Path: "autoColorCropOptions", Group: "Crop", Label: "Automatic crop by colour", Kind: KindBlock,
		Help: "Trim the border whose colour matches the chosen corner."},
	{Path: "autoColorCropOptions.corner", Group: "Crop", Label: "Colour taken from corner", Kind: KindChoice, Choices: corners, Required: true},
	{Path: "autoColorCropOptions.tolerance", Group: "Crop", Label: "Tolerance (0 to 1)", Kind: KindFloat, Min: 0, Max: 1, Required: true,
		Help: "0 trims only the exact colour; 1 trims the most different colours."},
	{Path: "autoTransparentCropOptions", Group: "Crop", Label: "Automatic crop by transparency", Kind: KindBlock,
		Help: "Trim transparent space around the subject."},
	{Path: "autoTransparentCropOptions.tolerance", Group: "Crop", Label: "Tolerance (0 to 1)", Kind: KindFloat, Min: 0, Max: 1, Required: true},
	{Path: "photoshopOptions", Group: "Photoshop", Label: "Photoshop files", Kind: KindBlock, Unverified: true,
		Help: "How PSD files are processed."},
	{Path: "photoshopOptions.process", Group: "Photoshop", Label: "Process", Kind: KindChoice, Choices: []string{"None", "MaintainLayers"},
		Help: "MaintainLayers makes an asset of every layer."},
	{Path: "photoshopOptions.layerOptions", Group: "Photoshop", Label: "Layer options", Kind: KindBlock,
		Help: "Used when layers are kept."},
	{Path: "photoshopOptions.layerOptions.layerNaming", Group: "Photoshop", Label: "Layer naming", Kind: KindChoice, Required: true,
		Choices: []string{"LayerName", "AppendNumber", "AppendName", "Folders"}},
	{Path: "photoshopOptions.layerOptions.anchor", Group: "Photoshop", Label: "Anchor", Kind: KindChoice, Required: true,
		Choices: []string{"Center", "North", "Northwest", "West", "Southwest", "South", "Southeast", "East", "Northeast"}},
	{Path: "photoshopOptions.layerOptions.createTemplate", Group: "Photoshop", Label: "Create a template", Kind: KindBool},
	{Path: "photoshopOptions.layerOptions.extractText", Group: "Photoshop", Label: "Extract text", Kind: KindBool},
	{Path: "photoshopOptions.layerOptions.extendLayers", Group: "Photoshop", Label: "Extend layers to document size", Kind: KindBool},
	{Path: "postScriptOptions", Group: "PostScript", Label: "PostScript / EPS files", Kind: KindBlock, Unverified: true},
	{Path: "postScriptOptions.process", Group: "PostScript", Label: "Process", Kind: KindChoice, Choices: rasterProcesses, Unverified: true},
	{Path: "postScriptOptions.resolution", Group: "PostScript", Label: "Resolution (dpi)", Kind: KindFloat, Min: 0, Max: 2400},
	{Path: "postScriptOptions.colorspace", Group: "PostScript", Label: "Colour space", Kind: KindChoice, Choices: colorSpaces},
	{Path: "postScriptOptions.alpha", Group: "PostScript", Label: "Transparent background", Kind: KindBool},
	{Path: "postScriptOptions.extractSearchWords", Group: "PostScript", Label: "Extract search words", Kind: KindBool},
	{Path: "pdfOptions", Group: "PDF", Label: "PDF files", Kind: KindBlock, Unverified: true},
	{Path: "pdfOptions.process", Group: "PDF", Label: "Process", Kind: KindChoice, Choices: []string{"None", "Rasterize", "Thumbnail"}},
	{Path: "pdfOptions.resolution", Group: "PDF", Label: "Resolution (dpi)", Kind: KindFloat, Min: 0, Max: 2400,
		Help: "0 uses the server's default."},
	{Path: "pdfOptions.colorspace", Group: "PDF", Label: "Colour space", Kind: KindChoice, Choices: colorSpaces},
	{Path: "pdfOptions.pdfCatalog", Group: "PDF", Label: "Combine pages into an eCatalog", Kind: KindBool},
	{Path: "pdfOptions.extractSearchWords", Group: "PDF", Label: "Extract search words", Kind: KindBool},
	{Path: "pdfOptions.extractLinks", Group: "PDF", Label: "Extract links", Kind: KindBool},
	{Path: "illustratorOptions", Group: "Illustrator", Label: "Illustrator files", Kind: KindBlock, Unverified: true},
	{Path: "illustratorOptions.process", Group: "Illustrator", Label: "Process", Kind: KindChoice, Choices: rasterProcesses},
	{Path: "illustratorOptions.resolution", Group: "Illustrator", Label: "Resolution (dpi)", Kind: KindFloat, Min: 0, Max: 2400,
		Help: "0 uses the server's default."},
	{Path: "illustratorOptions.colorspace", Group: "Illustrator", Label: "Colour space", Kind: KindChoice, Choices: colorSpaces},
	{Path: "illustratorOptions.alpha", Group: "Illustrator", Label: "Transparent background", Kind: KindBool,
		Help: "Keep the artwork's transparent background, for logos laid over other images."},
	{Path: "colorManagementOptions", Group: "ColourManagement", Label: "Colour management", Kind: KindBlock, Unverified: true},
	{Path: "colorManagementOptions.colorManagement", Group: "ColourManagement", Label: "Mode", Kind: KindChoice, Required: true,
		Choices: []string{"Default", "MaintainOriginal", "Convert"}},
	{Path: "colorManagementOptions.sourceProfileHandle", Group: "ColourManagement", Label: "Source ICC profile handle", Kind: KindString},
	{Path: "colorManagementOptions.outputProfileHandle", Group: "ColourManagement", Label: "Output ICC profile handle", Kind: KindString},
	{Path: "autoSetCreationOptions", Group: "Advanced", Label: "Automatic set creation", Kind: KindBlock, Unverified: true},
	{Path: "autoSetCreationOptions.autoSetsArray", Group: "Advanced", Label: "Set-generation script handles", Kind: KindHandles, Required: true,
		Help: "One handle per line, as given by your Scene7 administrator."},
	{Path: "projectHandleArray", Group: "Projects", Label: "Project handles", Kind: KindHandles, Unverified: true,
		Help: "Add the uploaded assets to these projects: one handle per line."},
	{Path: "emailSetting", Group: "Publishing", Label: "E-mail notification", Kind: KindChoice, Required: true,
		Choices: []string{string(EmailNone), string(EmailJobCompletion), string(EmailError), string(EmailErrorAndWarning), string(EmailAll)},
		Help:    "Which e-mails Scene7 sends to the uploading user about this job."},
	{Path: "postHttpUrl", Group: "Advanced", Label: "Post HTTP URL", Kind: KindString, Unverified: true,
		Help: "A URL the processed files are posted to; leave empty unless your administrator asks for it."},
	{Path: "mediaOptions", Group: "Video", Label: "Video", Kind: KindBlock, Unverified: true},
	{Path: "mediaOptions.videoEncodingPresetsArray", Group: "Video", Label: "Encoding preset handles", Kind: KindHandles},
	{Path: "mediaOptions.generateThumbnail", Group: "Video", Label: "Make a thumbnail", Kind: KindBool,
		Help: "Make the video's thumbnail from its first frame, or from the frame chosen below."},
	{Path: "mediaOptions.thumbnailOptions", Group: "Video", Label: "Thumbnail from a chosen frame", Kind: KindBlock},
	{Path: "mediaOptions.thumbnailOptions.thumbnailTime", Group: "Video", Label: "Frame time (milliseconds from the start)", Kind: KindInt, Min: 0, Max: 1 << 31, Required: true},
	{Path: "inDesignOptions", Group: "InDesign", Label: "InDesign files", Kind: KindBlock, Unverified: true,
		Help: "Adobe documents only a free-text process value for InDesign files; leave this off unless Adobe support gave you one."},
	{Path: "inDesignOptions.process", Group: "InDesign", Label: "Process", Kind: KindString, Unverified: true},
	{Path: "xmpKeywords", Group: "Metadata", Label: "XMP keywords", Kind: KindString, Unverified: true,
		Help: "Comma-separated keywords added to every file of the job; write \\, for a comma inside a keyword."},
	{Path: "unsharpMaskOptions", Group: "Sharpening", Label: "Unsharp mask", Kind: KindBlock, Unverified: true,
		Help: "Sharpening applied when the optimised image is built."},
	{Path: "unsharpMaskOptions.amount", Group: "Sharpening", Label: "Amount (0 to 5)", Kind: KindFloat, Min: 0, Max: 5, Required: true},
	{Path: "unsharpMaskOptions.radius", Group: "Sharpening", Label: "Radius (0 to 250)", Kind: KindFloat, Min: 0, Max: 250, Required: true},
	{Path: "unsharpMaskOptions.threshold", Group: "Sharpening", Label: "Threshold (0 to 255)", Kind: KindInt, Min: 0, Max: 255, Required: true},
	{Path: "unsharpMaskOptions.monochrome", Group: "Sharpening", Label: "Brightness only (0 or 1)", Kind: KindInt, Min: 0, Max: 1, Required: true},
	{Path: "unCompressOptions", Group: "Archives", Label: "ZIP and TAR archives", Kind: KindBlock, Unverified: true},
	{Path: "unCompressOptions.process", Group: "Archives", Label: "Process", Kind: KindChoice, Choices: []string{"None", "UnCompress"}, Required: true,
		Help: "None keeps the archive as one asset; UnCompress extracts it and processes every file inside."},
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
