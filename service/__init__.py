"""thidua: emulation and commendation paperwork in the ND30 administrative format."""
