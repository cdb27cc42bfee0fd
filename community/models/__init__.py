from .consent import ConsentRecord
from .newsletter import Subscriber
from .proposals import PracticeProposal

__all__ = ["ConsentRecord", "PracticeProposal", "Subscriber"]
