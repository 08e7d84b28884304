package handlers

import (
	"bytes"
	"image/jpeg"
	"image/png"

	"github.com/disintegration/imaging"
	"github.com/go-pdf/fpdf"

	"hitpath/models"
)

// addImagePages appends one page per image evidence file, the image upright (as
// its EXIF orientation says) and fitted to the page. A file that does not decode, or
// is above the pixel limit, gets a page saying so instead of failing the whole pack.
func addImagePages(d *pdfDoc, files []models.EvidenceFile) {
	for _, f := range files {
		kind := map[string]string{"image/png": "PNG", "image/jpeg": "JPG"}[f.ContentType]
		if kind == "" {
			continue
		}
		d.AddPage()
		d.SetFont(pdfFontFamily, "", 9)
		d.paragraph(5, "Evidence: "+f.Filename+" sha256 "+f.SHA256)
		// Never inflate an image past the pixel limit, even one stored before it existed.
		if problem := models.CheckImage(f.Content); problem != "" {
			d.paragraph(5, problem+" The file is in the ZIP audit pack as it was uploaded.")
			continue
		}
		content, ok := uprightImage(f.Content, kind)
		if !ok {
			d.paragraph(5, "This image could not be read; the file is in the ZIP audit pack as it was uploaded.")
			continue
		}
		placeImage(d, "evidence-"+ceuID(f.ID), kind, content)
	}
}

// uprightImage turns a photo the way its EXIF orientation says (phones store
// portrait photos sideways with a tag) and re-encodes it in a form fpdf reads
// (interlaced or 16-bit PNGs it would refuse).
func uprightImage(content []byte, kind string) ([]byte, bool) {
	img, err := imaging.Decode(bytes.NewReader(content), imaging.AutoOrientation(true))
	if err != nil {
		return nil, false
	}
	var out bytes.Buffer
	if kind == "JPG" {
		err = jpeg.Encode(&out, img, &jpeg.Options{Quality: 90})
	} else {
		err = png.Encode(&out, img)
	}
	return out.Bytes(), err == nil
}

// placeImage draws the image at the largest size that fits below the caption.
func placeImage(d *pdfDoc, name, kind string, content []byte) {
	opts := fpdf.ImageOptions{ImageType: kind, ReadDpi: true}
	info := d.RegisterImageOptionsReader(name, opts, bytes.NewReader(content))
	if info == nil || d.Err() {
		return
	}
	left, top := 13.0, d.GetY()+3
	width, height := 190.0, 250.0-top
	w, h := info.Width(), info.Height()
	scale := min(width/w, height/h)
	d.ImageOptions(name, left, top, w*scale, h*scale, false, opts, 0, "")
}
