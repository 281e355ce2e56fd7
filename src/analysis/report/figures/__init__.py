"""Figures: the house style, chart types shared by chapters, and one module per chapter that needs its own."""
