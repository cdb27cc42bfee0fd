from .consent import ConsentRecord
from .experts import ExpertContact, ExpertIndexPage, ExpertPage, public_experts
from .newsletter import Subscriber
from .proposals import PracticeProposal

__all__ = [
    "ConsentRecord",
    "ExpertContact",
    "ExpertIndexPage",
    "ExpertPage",
    "PracticeProposal",
    "Subscriber",
    "public_experts",
]
