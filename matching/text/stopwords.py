"""Stop words for Russian, Kazakh and English, compared with normalised surface tokens.

Kept on purpose, because they change what a job query means: ru "без" (без опыта), kk "жоқ",
"емес", en "no", "not"; and en "it" (IT specialist).
"""

from __future__ import annotations

__all__ = ["STOP_WORDS", "is_stop_word"]

_RUSSIAN = """
а бы был была были было быть в вам вас ведь весь во вот все всего всех всю вы где да даже
для до его ее ей ему если есть еще же за зачем здесь и из или им их к как какая какой
когда кто куда ли либо между мне меня мной мы на над надо наш наша наше наши не него нее
ней нет ни ним них но ну о об однако он она они оно от перед по под после потом потому
при про с сам свой свою себе себя со так также такой там те тебя тем то тобой тогда того
тоже той только том ты у уж уже хоть чего чем что чтоб чтобы чуть эта эти это этого этой
этом этот эту я который которая которое которые которых
"""

_KAZAKH = """
және мен бен пен да де та те ма ме ба бе па пе ғой қой ол олар бұл бұлар осы осылар сол
солар мына мынау анау сен сіз біз сендер сіздер менің сенің сіздің біздің оның олардың
өз өзі өзінің кім не қай қандай қашан қалай қанша неге неше үшін туралы бойынша арқылы
немесе әлде яки я бірақ алайда дейін шейін кейін соң бері сияқты секілді ғана қана тек
әр әрбір барлық бәрі ең өте тым ал егер онда сонда мұнда сонымен яғни басқа сондай
осындай солай осылай иә ия болып болады
"""

_ENGLISH = """
a an the and or but of to in on at for with by from as is are was were be been being
this that these those we you our your they their he she his her its will would shall
should can could may might must have has had do does did if then than so such into
about over under up out also all any each other some there here what which who whom
whose when where why how i me my s t
"""

STOP_WORDS = frozenset((_RUSSIAN + _KAZAKH + _ENGLISH).split())


def is_stop_word(token: str) -> bool:
    """Whether a normalised token is a stop word in any of the three languages."""
    return token in STOP_WORDS
