"""sinoscope: bilingual news intelligence on the US–China AI competition."""

__version__ = "0.1.0"
