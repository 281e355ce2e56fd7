"""Raw file -> verified, tidy, typed frame: where files are, their manifest, checks, loaders, transcribed figures."""
