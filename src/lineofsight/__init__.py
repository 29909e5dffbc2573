"""Line of Sight: from the committee room to the front line of children's services."""

__version__ = "0.1.0"
