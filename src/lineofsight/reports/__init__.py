"""Board packs and reports: HTML, PDF (WeasyPrint, tagged) and XLSX, made from the same data as the pages."""
