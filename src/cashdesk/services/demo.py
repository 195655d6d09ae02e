"""A fictional city for training, demonstrations and benchmarks: `cashdesk demo-data`.

The city is made by simulating a year of bills, payments, late fees, door tags, shut-offs,
returned checks and tax returns, so what is left open on each account is what its history
says it owes: the history's amounts (bills and fees up, payments down) add up to the
balance (open items less credit).

Each block of accounts has its own random generator seeded from the seed and the block's
number, so the same seed and date give the same city however many processes build it.
demo-data only fills a database that has no accounts yet; it refuses any other. A database
without users also gets five demo users (cashier1, cashier2, super1, super2, admin1) whose
password, demo-password, is public: for training only.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import multiprocessing
import os
import random
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from cashdesk.config import Settings
from cashdesk.domain.money import Money
from cashdesk.domain.security import Role
from cashdesk.services import audit
from cashdesk.services.auth import hash_password
from cashdesk.services.context import Operator, ServiceContext, ServiceError, command_line_operator
from cashdesk.services.setup import init_database
from cashdesk.store import bulk
from cashdesk.store import users as user_store
from cashdesk.store.models import UserRow

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

#: Accounts per block: the unit of randomness, of work for a process, and of progress.
BLOCK = 4000
#: Below this many accounts one process is quicker than starting helpers.
PARALLEL_FROM = 40_000
#: Account numbers are 10 digits; far more than any city this is for.
MAX_ACCOUNTS = 10_000_000

SALES_TAX_SHARE = 0.12
CITY = "Aurelia"
TAX_RATE_BP = 375  # city sales tax 3.75 %, in basis points

ACCOUNT_COLUMNS = (
    "id", "number", "kind", "name", "service_address", "mailing_address", "phone", "phone_digits",
    "status", "cash_only", "deposit_held_cents", "licence_number", "filing_frequency", "credit_cents",
    "created_at", "updated_at",
)  # fmt: skip
ITEM_COLUMNS = (
    "account_id", "revenue_code", "description", "period", "bill_date", "due_date", "amount_cents", "paid_cents",
)  # fmt: skip
HISTORY_COLUMNS = ("account_id", "on_date", "kind", "description", "amount_cents", "reference")
TABLES = ("accounts", "open_items", "account_history")


@dataclass(frozen=True, slots=True)
class DemoResult:
    location: str
    seed: int
    as_of: dt.date
    accounts: int
    utility: int
    sales_tax: int
    open_items: int
    history: int
    owed: Money  # open items less credits, over the whole city
    seconds: float
    users: tuple[str, ...] = ()  # demo users added (none when the database had users)

    def describe(self) -> str:
        text = (
            f"Built a demo city of {self.accounts:,} accounts ({self.utility:,} utility, {self.sales_tax:,} sales tax) "
            f"with {self.open_items:,} open items ({self.owed.display()} owed) and {self.history:,} history entries, "
            f"as of {self.as_of.isoformat()} (seed {self.seed}), in {self.seconds:.1f} s, at {self.location}."
        )
        if self.users:
            text += (
                f" Demo users {', '.join(self.users)} (cashiers, supervisors, an administrator) "
                f"sign in with the password {DEMO_PASSWORD}."
            )
        return text


#: Demo users, added when the database has none. Their password is public: training only.
DEMO_USERS: tuple[tuple[str, Role, str], ...] = (
    ("cashier1", Role.CASHIER, "Demo Cashier One"),
    ("cashier2", Role.CASHIER, "Demo Cashier Two"),
    ("super1", Role.SUPERVISOR, "Demo Supervisor One"),
    ("super2", Role.SUPERVISOR, "Demo Supervisor Two"),
    ("admin1", Role.ADMINISTRATOR, "Demo Administrator"),
)
DEMO_PASSWORD = "demo-password"


def _add_demo_users(ctx: ServiceContext, actor: Operator, result: DemoResult) -> tuple[str, ...]:
    """The demo users (when there are none yet) and the "demo_data" audit event, in one transaction."""
    password_hash = hash_password(DEMO_PASSWORD)  # one hash for all: the password is public anyway
    now = ctx.now().astimezone(dt.UTC).replace(tzinfo=None)
    added: list[str] = []
    with ctx.db.unit_of_work() as uow:
        if not user_store.any_users(uow.session):
            for user_id, role, name in DEMO_USERS:
                uow.session.add(
                    UserRow(
                        user_id=user_id, full_name=name, role=role.value, password_hash=password_hash,
                        must_change_password=False, failed_attempts=0, disabled=False, disabled_reason="",
                        password_changed_at=now, created_at=now,
                    )
                )  # fmt: skip
                audit.record(
                    uow.session, user=actor.user_id, station=ctx.station, event_type="user_add", object=user_id,
                    details={"role": role.value, "must_change": False, "demo": True}, at=ctx.now(),
                )  # fmt: skip
                added.append(user_id)
        audit.record(
            uow.session, user=actor.user_id, station=ctx.station, event_type="demo_data", object="",
            details={"accounts": result.accounts, "seed": result.seed, "as_of": result.as_of.isoformat(),
                     "users_added": len(added)},
            at=ctx.now(),
        )  # fmt: skip
        uow.commit()
    return tuple(added)


# -- the people and places of Aurelia ---------------------------------------------------------

# Common surnames with rough relative frequencies, so that a search for SMITH finds many.
_COMMON_SURNAMES = """
Smith 828 Johnson 655 Williams 550 Brown 487 Jones 483 Garcia 467 Miller 458 Davis 400 Rodriguez 380
Martinez 376 Hernandez 372 Lopez 297 Gonzalez 284 Wilson 283 Anderson 280 Thomas 266 Taylor 264 Moore 246
Jackson 244 Martin 238 Lee 229 Perez 225 Thompson 224 White 218 Harris 204 Sanchez 202 Clark 181 Ramirez 179
Lewis 175 Robinson 172 Walker 170 Young 159 Allen 157 King 154 Wright 153 Scott 144 Torres 141 Nguyen 140
Hill 140 Flores 137 Green 134 Adams 133 Nelson 132 Baker 130 Hall 128 Rivera 125 Campbell 116 Mitchell 115
Carter 114 Roberts 113 Gomez 110 Phillips 108 Evans 107 Turner 106 Diaz 105 Parker 104 Cruz 103 Edwards 102
Collins 101 Reyes 100 Stewart 99 Morris 98 Morales 97 Murphy 96 Cook 95 Rogers 94 Gutierrez 93 Ortiz 92
Morgan 91 Cooper 90 Peterson 89 Bailey 88 Reed 87 Kelly 86 Howard 85 Ramos 84 Kim 83 Cox 82 Ward 81
Richardson 80 Watson 79 Brooks 78 Chavez 77 Wood 76 James 75 Bennett 74 Gray 73 Mendoza 72 Ruiz 71
Hughes 70 Price 69 Alvarez 68 Castillo 67 Sanders 66 Patel 65 Myers 64 Long 63 Ross 62 Foster 61
Jimenez 60 Powell 59 Jenkins 58 Perry 57 Russell 56 Sullivan 55 Bell 54 Coleman 53 Butler 52 Henderson 51
Barnes 50 Gonzales 50 Fisher 49 Vasquez 49 Simmons 48 Romero 48 Jordan 47 Patterson 47 Alexander 46
Hamilton 46 Graham 45 Reynolds 45 Griffin 44 Wallace 44 Moreno 43 West 43 Cole 42 Hayes 42 Bryant 41
Herrera 41 Gibson 40 Ellis 40 Tran 40 Medina 39 Aguilar 39 Stevens 38 Murray 38 Ford 38 Castro 37
Marshall 37 Owens 37 Harrison 36 Fernandez 36 McDonald 36 Woods 35 Washington 35 Kennedy 35 Wells 34
Vargas 34 Henry 34 Chen 33 Freeman 33 Webb 33 Tucker 32 Guzman 32 Burns 32 Crawford 31 Olson 31
Simpson 31 Porter 30 Hunter 30 Gordon 30 Mendez 30 Silva 29 Shaw 29 Snyder 29 Mason 29 Dixon 28
Munoz 28 Hunt 28 Hicks 28 Holmes 27 Palmer 27 Wagner 27 Black 27 Robertson 26 Boyd 26 Rose 26
Stone 26 Salazar 25 Fox 25 Warren 25 Mills 25 Meyer 25 Rice 24 Schmidt 24 Garza 24 Daniels 24
Ferguson 23 Nichols 23 Stephens 23 Soto 23 Weaver 23 Ryan 22 Gardner 22 Payne 22 Grant 22 Dunn 22
Kelley 21 Spencer 21 Hawkins 21 Arnold 21 Pierce 21 Vazquez 20 Hansen 20 Peters 20 Santos 20 Hart 20
Bradley 20 Knight 19 Elliott 19 Cunningham 19 Duncan 19 Armstrong 19 Hudson 19 Carroll 18 Lane 18
Riley 18 Andrews 18 Alvarado 18 Ray 18 Delgado 18 Berry 17 Perkins 17 Hoffman 17 Johnston 17 Matthews 17
Pena 17 Richards 17 Contreras 16 Willis 16 Carpenter 16 Lawrence 16 Sandoval 16 Guerrero 16 George 16
Chapman 16 Rios 15 Estrada 15 Ortega 15 Watkins 15 Greene 15 Nunez 15 Wheeler 15 Valdez 15 Harper 15
Burke 14 Larson 14 Santiago 14 Maldonado 14 Morrison 14 Franklin 14 Carlson 14 Austin 14 Dominguez 14
Carr 13 Lawson 13 Jacobs 13 Obrien 13 Lynch 13 Singh 13 Vega 13 Bishop 13 Montgomery 13 Oliver 13
Jensen 12 Harvey 12 Williamson 12 Gilbert 12 Dean 12 Sims 12 Espinoza 12 Howell 12 Li 12 Wong 12
Reid 11 Hanson 11 Le 11 McCoy 11 Garrett 11 Burton 11 Fuller 11 Wang 11 Weber 11 Welch 11
Rojas 11 Lucero 11 Trujillo 11 Archuleta 10 Gallegos 10 Montoya 10 Vigil 10 Pham 10 Yoshida 9 Tanaka 9
"""
#: Share of accounts whose surname comes from the common list; the rest come from the long
#: tail below. About 1 % of the city are Smiths, as in the census.
COMMON_SURNAME_SHARE = 0.3
_TAIL_SURNAMES = """
Acosta Aguirre Baca Barrera Cabrera Calderon Camacho Campos Cardenas Carrillo Cervantes Chacon Cisneros
Cordova Coronado Duran Escobar Espinosa Fuentes Gallardo Galvan Ibarra Juarez Lara Leon Luna Macias Madrid
Marquez Medrano Mejia Miranda Molina Montano Mora Nava Navarro Ochoa Olivas Orozco Pacheco Padilla Quintana
Rangel Robles Rocha Rosales Saenz Salas Salinas Segura Serrano Solis Tafoya Tapia Trevino Ulibarri Valencia
Valenzuela Velasquez Zamora Zuniga Arellano Benavides Bustos Carrasco Delacruz Esquivel Figueroa Gallegos
Chang Cho Choi Chung Dang Do Duong Han Ho Huang Hwang Kang Lam Lim Lin Liu Luong Ma Ngo Park Phan Shin Song
Sun Truong Vo Vu Wu Xu Yang Yi Yu Zhang Zhou Nakamura Sato Suzuki Watanabe Ito Yamamoto Kobayashi Takahashi
Kowalski Nowak Novak Wisniewski Lewandowski Kaminski Zielinski Sokolov Petrov Ivanov Popov Horvath Kovacs Nagy
Russo Romano Ricci Marino Greco Bruno Gallo Conti Deluca Costa Giordano Mancini Rizzo Lombardi Moretti
Esposito Bianchi Colombo Ferrari Fontana Caruso Schultz Schneider Fischer Becker Koch Richter Klein Wolf
Schroeder Neumann Schwarz Zimmerman Braun Krueger Hartmann Lange Werner Krause Lehmann Kohler Maier Huber
Kaiser Fuchs Jung Hahn Vogel Friedrich Keller Gunther Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht
Schuster Ludwig Bohm Winter Kraus Schumacher Meier Dietrich Ziegler Kuhn Pohl Engel Horn Busch Bergmann
Nielsen Christensen Rasmussen Sorensen Jorgensen Pedersen Andersen Larsen Haugen Johansson Karlsson Nilsson
Eriksson Bjork Dubois Moreau Laurent Lefebvre Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau
Mercier Blanc Guerin Boyer Garnier Chevalier Legrand Gauthier Perrin Clement Morin Roussel Mathieu Masson
Marchand Duval Dumont Lemaire McAllister McBride McCarthy McCormick McDaniel McGee McKenzie McLaughlin
McMillan McNeil Abbott Acevedo Atkins Ayala Ballard Banks Barber Barker Barton Bates Baxter Blair Blake Bowen
Bowman Boyle Briggs Buchanan Bush Byrd Cannon Carey Carson Chambers Christensen Cobb Cohen Conner Conway
Craig Curtis Daniel Dawson Day Decker Dorsey Doyle Drake Eaton Erickson Farmer Fleming Fletcher Floyd Frazier
Gates Gibbs Glover Goodwin Graves Hale Hardy Harmon Hayden Hess Higgins Hines Hodges Hogan Holland Hopkins
Houston Howe Ingram Jennings Joyce Kirby Klein Knox Lamb Lambert Lindsey Little Logan Lowe Lyons Mack Mann
Manning Maxwell May McCoy Meadows Miles Moss Newman Norris Norton Osborne Page Parks Parsons Patton Pearson
Pope Potter Pratt Quinn Randall Reeves Rhodes Roach Rowe Saunders Schwartz Sharp Shelton Sherman Short
Steele Stokes Strickland Summers Swanson Tate Terry Todd Townsend Vaughn Walsh Walton Waters Watts Weeks
Wiley Wilkins Wolfe Yates York Zimmer
"""
# More surnames from parts that go together (Ashford, Lindquist, Brookfield), for the long tail.
_ENGLISH_ROOTS = """
Ash Black Brad Brook Cald Cran Fair Good Hale Hay Kings Mid New Pem Red Rut Sedg
Shel Stan Stock Thorn Went West Whit Wood
"""
_ENGLISH_ENDS = "ley ford wood field ton well by wick ham more worth bury dale hurst stead cott"
_NORDIC_ROOTS = """
Ander Berg Dahl Eck Falk Gold Holm Lind Nord Rosen Sand Stein Wald Strom Lund Feld Eisen Gruen Kirsch Linden
"""
_NORDIC_ENDS = "son sen berg man stein feld quist gren dahl hardt baum"
_FIRST_NAMES = """
James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph
Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Margaret Mark Sandra
Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian
Dorothy George Melissa Timothy Deborah Ronald Stephanie Edward Rebecca Jason Sharon Jeffrey Laura Ryan
Cynthia Jacob Kathleen Gary Amy Nicholas Angela Eric Shirley Jonathan Anna Stephen Brenda Larry Pamela Justin
Emma Scott Nicole Brandon Helen Benjamin Samantha Samuel Katherine Gregory Christine Alexander Debra Frank
Rachel Patrick Carolyn Raymond Janet Jack Catherine Dennis Maria Jerry Heather Tyler Diane Aaron Ruth Jose
Julie Adam Olivia Nathan Joyce Henry Virginia Douglas Victoria Zachary Kelly Peter Lauren Kyle Christina
Ethan Joan Walter Evelyn Noah Judith Jeremy Megan Christian Andrea Keith Cheryl Roger Hannah Terry Jacqueline
Gerald Martha Harold Gloria Sean Teresa Austin Ann Carl Sara Arthur Madison Lawrence Frances Dylan Kathryn
Jesse Janice Jordan Jean Bryan Abigail Billy Alice Joe Julia Bruce Judy Gabriel Sophia Logan Grace Albert
Denise Willie Amber Alan Doris Juan Marilyn Wayne Danielle Elijah Beverly Randy Isabella Roy Theresa Vincent
Diana Ralph Natalie Eugene Brittany Russell Charlotte Bobby Marie Mason Kayla Philip Alexis Louis Lori
Carlos Ana Luis Rosa Miguel Carmen Jorge Guadalupe Alejandro Veronica Ricardo Yolanda Francisco Lucia Hector
Elena Minh Linh Tuan Mai Hung Thi Wei Mei Jin Hana Ravi Priya Amit Sunita Omar Fatima Ahmed Leila Yusuf
"""
_STREETS = """
Main|St Colfax|Ave Havana|St Peoria|St Alameda|Ave Mississippi|Ave Iliff|Ave Yale|Ave Jewell|Ave Evans|Ave
Florida|Ave Montview|Blvd Smith|Rd Buckley|Rd Chambers|Rd Tower|Rd Picadilly|Rd Airport|Blvd Gun_Club|Rd
Quebec|St Sable|Blvd Abilene|St Chambers|Way Potomac|St Dillon|Way Ensenada|St Granby|Way Jasper|Ct
Kittredge|St Lima|St Moline|St Nome|St Oakland|St Racine|St Salida|Way Troy|St Uvalda|St Vaughn|Way
Wheeling|St Xanadu|Way Yosemite|St Zeno|Way Elm|St Oak|St Maple|Ave Cedar|Ave Pine|St Spruce|Ct Birch|Ln
Aspen|Way Juniper|Ct Cottonwood|Dr Willow|Ln Poplar|St Linden|Ave Hickory|Dr Walnut|St Chestnut|Ln
Sycamore|Ct Magnolia|Way Dogwood|Dr Lincoln|Ave Washington|St Jefferson|Ave Madison|Ave Monroe|St
Adams|Cir Jackson|St Harrison|Ave Tyler|Way Grant|Ave Hayes|St Garfield|St Cleveland|Pl Roosevelt|Ave
Park|Ave Lake|Dr Ridge|Rd Valley|Dr Highland|Ave Sunset|Blvd Meadow|Ln Prairie|Dr Canyon|Ct Mesa|Dr
Summit|Ave Pikes_Peak|Ave Longs_Peak|Dr Arapahoe|Rd Cherokee|St Navajo|St Ute|Ave Platte|Ave Bluff|St
Fairview|Ave Hilltop|Rd Sage|Ct Columbine|Dr Bluebell|Way Larkspur|Ln Foothills|Pkwy Mountain_View|Dr
Centennial|Dr Liberty|St Heritage|Pkwy Commerce|St Industrial|Blvd Fitzsimons|Pkwy Montbello|Dr 1st|Ave
2nd|Ave 3rd|Ave 4th|Ave 5th|Ave 6th|Ave 8th|Ave 11th|Ave 13th|Ave 17th|Ave 23rd|Ave 26th|Ave 32nd|Ave
"""
_DIRECTIONS = ("N", "S", "E", "W")
_ZIPS = ("80010", "80011", "80012", "80013", "80014", "80015", "80016", "80017", "80018", "80019", "80045", "80247")
_OTHER_CITIES = (
    ("Denver", "80203"), ("Denver", "80220"), ("Lakewood", "80226"), ("Littleton", "80120"),
    ("Centennial", "80112"), ("Englewood", "80110"), ("Parker", "80134"), ("Brighton", "80601"),
    ("Boulder", "80302"), ("Colorado Springs", "80903"), ("Phoenix, AZ", "85004"), ("Dallas, TX", "75201"),
)  # fmt: skip
_TRADES = (
    "Auto Repair", "Coffee", "Bakery", "Plumbing", "Heating & Air", "Hardware", "Dental Care", "Nail Salon",
    "Barber Shop", "Tacos", "Pizza", "Grill", "Liquors", "Florist", "Pet Supply", "Tire & Brake", "Cleaners",
    "Market", "Furniture", "Appliance", "Bike Shop", "Bookstore", "Brewing", "Landscaping", "Roofing",
    "Electric", "Print & Copy", "Pharmacy", "Boutique", "Jewelers", "Music", "Optical", "Fitness",
    "Car Wash", "Tile & Stone", "Catering", "Pho", "Noodle House", "Bistro", "Deli", "Feed & Supply",
    "Sporting Goods", "Thrift", "Vapor", "Cannabis Co", "Outfitters", "Home Decor", "Tailor", "Paint",
)  # fmt: skip
_PLACES = (
    "Front Range", "Mile High", "Rocky Mountain", "Aurelia", "High Plains", "Cherry Creek", "Sand Creek",
    "Columbine", "Centennial", "Pikes Peak", "Blue Spruce", "Summit", "Prairie", "Golden Eagle", "Red Rocks",
    "Timberline", "Aspen Grove", "Silver State", "Buffalo", "Chinook",
)  # fmt: skip
_FORMS = ("", "", " LLC", " LLC", " Inc", " Co", " Corp")


def _weighted(pairs: list[tuple[str, int]]) -> tuple[list[str], list[int], int]:
    names = [n for n, _ in pairs]
    cumulative: list[int] = []
    total = 0
    for _, weight in pairs:
        total += weight
        cumulative.append(total)
    return names, cumulative, total


def _parse_common(text: str) -> list[tuple[str, int]]:
    words = text.split()
    return [(words[i], int(words[i + 1])) for i in range(0, len(words), 2)]


_SURNAMES, _SURNAME_CUM, _SURNAME_TOTAL = _weighted(_parse_common(_COMMON_SURNAMES))
_RARE_SURNAMES = sorted(
    (
        set(_TAIL_SURNAMES.split())
        | {root + end for root in _ENGLISH_ROOTS.split() for end in _ENGLISH_ENDS.split()}
        | {root + end for root in _NORDIC_ROOTS.split() for end in _NORDIC_ENDS.split()}
    )
    - set(_SURNAMES)
)
_FIRSTS = _FIRST_NAMES.split()


def _streets() -> list[str]:
    out = []
    for token in _STREETS.split():
        name, suffix = token.split("|")
        out.append(f"{name.replace('_', ' ')} {suffix}")
    return out


# -- the calendar the city runs on ------------------------------------------------------------

#: Billing cycles (read routes): the day of the month each cycle's bills go out.
CYCLE_DAYS = (2, 9, 16, 23)
DUE_DAYS = 21
#: How much water a household uses in a month, by the month of the bill (lawns in summer).
SEASON = (0, 0.82, 0.8, 0.82, 0.9, 1.05, 1.5, 2.1, 2.4, 2.2, 1.6, 1.1, 0.88)


def _months_back(year: int, month: int, back: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) - back
    return index // 12, index % 12 + 1


@dataclass(frozen=True, slots=True)
class _Bill:
    bill: int  # date ordinals
    due: int
    period: str  # 2026-10
    label: str  # Oct 2026
    season: float


@dataclass(frozen=True, slots=True)
class _TaxPeriod:
    period: str  # 2026-09, 2026-Q3, 2025
    label: str
    due: int
    months: int


@dataclass
class _Calendar:
    as_of: int
    iso: dict[int, str]
    cycles: list[list[_Bill]]  # per billing cycle, the last 12 bills, oldest first
    tax: dict[str, list[_TaxPeriod]]  # per filing frequency, periods due in the last year, oldest first
    created: str

    @classmethod
    def build(cls, as_of: dt.date) -> _Calendar:
        cycles = []
        for day in CYCLE_DAYS:
            year, month = (as_of.year, as_of.month) if as_of.day >= day else _months_back(as_of.year, as_of.month, 1)
            bills = []
            for back in range(11, -1, -1):
                y, m = _months_back(year, month, back)
                billed = dt.date(y, m, day)
                bills.append(
                    _Bill(
                        billed.toordinal(),
                        (billed + dt.timedelta(days=DUE_DAYS)).toordinal(),
                        f"{y}-{m:02d}",
                        billed.strftime("%b %Y"),
                        SEASON[m],
                    )
                )
            cycles.append(bills)
        start = as_of.toordinal() - 800
        iso = {o: dt.date.fromordinal(o).isoformat() for o in range(start, as_of.toordinal() + 120)}
        return cls(as_of.toordinal(), iso, cycles, _tax_periods(as_of), f"{as_of.isoformat()} 00:00:00.000000")


def _tax_periods(as_of: dt.date) -> dict[str, list[_TaxPeriod]]:
    """Periods whose returns fell due in the year up to as_of; a return is due the 20th after."""
    first = as_of.toordinal() - 365
    out: dict[str, list[_TaxPeriod]] = {"monthly": [], "quarterly": [], "annual": []}
    for back in range(14, 0, -1):
        y, m = _months_back(as_of.year, as_of.month, back)
        ny, nm = _months_back(y, m, -1)
        due = dt.date(ny, nm, 20).toordinal()
        if first < due <= as_of.toordinal():
            out["monthly"].append(_TaxPeriod(f"{y}-{m:02d}", dt.date(y, m, 1).strftime("%b %Y"), due, 1))
            if m % 3 == 0:
                out["quarterly"].append(_TaxPeriod(f"{y}-Q{m // 3}", f"Q{m // 3} {y}", due, 3))
            if m == 12:
                out["annual"].append(_TaxPeriod(f"{y}", f"{y}", due, 12))
    if not out["annual"]:  # the last annual return fell due more than a year ago: keep it
        y = as_of.year - 1 if as_of >= dt.date(as_of.year, 1, 20) else as_of.year - 2
        out["annual"].append(_TaxPeriod(f"{y}", f"{y}", dt.date(y + 1, 1, 20).toordinal(), 12))
    return out


# -- one block of accounts -----------------------------------------------------------------------


@dataclass
class _Block:
    accounts: list[tuple[object, ...]] = field(default_factory=list)
    items: list[tuple[object, ...]] = field(default_factory=list)
    history: list[tuple[object, ...]] = field(default_factory=list)
    utility: int = 0
    sales_tax: int = 0
    owed_cents: int = 0


# Item fields while simulating: [code, description, period, bill ordinal, due ordinal, amount, paid]
_CODE, _DESC, _PERIOD, _BILLED, _DUE, _AMOUNT, _PAID = range(7)
_Item = list[Any]  # mutable: a payment raises its paid field in place
_History = list[tuple[object, ...]]
_FEES = frozenset(("LATEFEE", "NSF", "DOORTAG", "RECON"))

AUTOPAY, PROMPT, LATE, PARTIAL, DELINQUENT, OVERPAY = range(6)
_BEHAVIOUR_CUM = (0.25, 0.76, 0.85, 0.89, 0.96, 1.0)
_CHANNELS = (
    ("Online payment", "WEB"),
    ("Mail payment", "MAIL"),
    ("Counter payment", "W01"),
    ("Lockbox payment", "LBX"),
)


def _pay(items: list[_Item], amount: int) -> tuple[list[tuple[_Item, int]], int]:
    """Pays fees first, then the oldest charges (the default paying order).

    `items` holds only what is still owed; paid items leave it. Returns what each item
    took and what is left of the amount.
    """
    taken: list[tuple[_Item, int]] = []
    for fees in (True, False):
        for item in items:
            if amount == 0:
                break
            if (item[_CODE] in _FEES) is fees:
                owed = item[_AMOUNT] - item[_PAID]
                take = owed if owed < amount else amount
                item[_PAID] += take
                amount -= take
                taken.append((item, take))
    items[:] = [i for i in items if i[_PAID] < i[_AMOUNT]]
    return taken, amount


def _owed(items: list[_Item]) -> int:
    return sum(i[_AMOUNT] - i[_PAID] for i in items)


class _CityBuilder:
    def __init__(self, seed: int, block: int, cal: _Calendar) -> None:
        self.rng = random.Random(f"cashdesk-demo:{seed}:{block}")
        self.cal = cal
        self.streets = _streets()

    # people and places

    def surname(self) -> str:
        rng = self.rng
        if rng.random() >= COMMON_SURNAME_SHARE:
            return rng.choice(_RARE_SURNAMES)
        return _SURNAMES[bisect.bisect_right(_SURNAME_CUM, rng.randrange(_SURNAME_TOTAL))]

    def person(self) -> str:
        rng = self.rng
        name = f"{self.surname()}, {rng.choice(_FIRSTS)}"
        r = rng.random()
        if r < 0.3:
            name += f" {chr(65 + rng.randrange(26))}"
        elif r < 0.36:
            name += f" & {rng.choice(_FIRSTS)}"
        return name

    def business(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.4:
            name = f"{self.surname()} {rng.choice(_TRADES)}"
        elif r < 0.8:
            name = f"{rng.choice(_PLACES)} {rng.choice(_TRADES)}"
        else:
            name = f"{self.surname()} & {self.surname()} {rng.choice(('CPAs', 'Law Office', 'Dental', 'Realty'))}"
        return name + rng.choice(_FORMS)

    def address(self) -> tuple[str, str]:
        """A street address in the city and its ZIP code."""
        rng = self.rng
        s = rng.randrange(len(self.streets))
        street = self.streets[s]
        if street[0].isdigit() or rng.random() < 0.45:
            street = f"{_DIRECTIONS[s % 4 if rng.random() < 0.7 else rng.randrange(4)]} {street}"
        number = rng.randrange(100, 2000) if rng.random() < 0.4 else rng.randrange(2000, 24000)
        text = f"{number} {street}"
        if rng.random() < 0.14:
            text += f" Apt {rng.randrange(1, 40)}{rng.choice('0123')}{rng.randrange(10)}"
        return text, _ZIPS[s % len(_ZIPS)]

    def mailing(self, service: str, zip_code: str) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.9:
            return f"{service}, {CITY}, CO {zip_code}"
        if r < 0.94:
            return f"PO Box {rng.randrange(100, 40000)}, {CITY}, CO {_ZIPS[rng.randrange(len(_ZIPS))]}"
        city, other_zip = rng.choice(_OTHER_CITIES)
        street, _ = self.address()
        state = "" if "," in city else ", CO"
        return f"{street}, {city}{state} {other_zip}"

    def phone(self) -> tuple[str, str]:
        rng = self.rng
        if rng.random() < 0.08:
            return "", ""
        area = "303" if rng.random() < 0.55 else "720"
        line = f"{rng.randrange(10000):04d}"
        return f"({area}) 555-{line}", f"{area}555{line}"

    # accounts

    def build(self, first_index: int, count: int) -> _Block:
        out = _Block()
        rng = self.rng
        for index in range(first_index, first_index + count):
            account_id = index + 1
            serial = f"{index * 16 + rng.randrange(16):09d}"
            if rng.random() < SALES_TAX_SHARE:
                self.sales_tax_account(out, account_id, "2" + serial)
                out.sales_tax += 1
            else:
                self.utility_account(out, account_id, "1" + serial)
                out.utility += 1
        return out

    def utility_account(self, out: _Block, account_id: int, number: str) -> None:
        rng, cal = self.rng, self.cal
        iso, as_of = cal.iso, cal.as_of
        history = out.history
        bills = cal.cycles[rng.randrange(len(CYCLE_DAYS))]
        name = self.person()
        service, zip_code = self.address()
        mailing = self.mailing(service, zip_code)
        phone, digits = self.phone()

        status = "active"
        ends = ""  # how the account ends: closed (moved out, paid up) or final (moved out, final bill open)
        first, last = 0, 11
        r = rng.random()
        if r < 0.05:
            ends, last = "closed", rng.randrange(0, 10)
        elif r < 0.08:
            ends = "final"
        if rng.random() < 0.09 and last > 0:
            first = rng.randrange(1, last + 1)  # moved in during the year
        b = rng.random()
        behaviour = next(i for i, edge in enumerate(_BEHAVIOUR_CUM) if b < edge)
        if ends and behaviour in (DELINQUENT, PARTIAL):
            behaviour = PROMPT
        stop = rng.randrange(8, 12) if behaviour == DELINQUENT else 99  # stops paying from this bill on
        nsf_month = rng.randrange(first + 1, last) if last - first >= 3 and rng.random() < 0.02 else -1
        cash_only = rng.random() < 0.003
        channel = rng.choice(_CHANNELS)

        kgal = rng.lognormvariate(1.45, 0.4)  # thousand gallons in a spring month
        winter = kgal * 0.82
        trash = rng.choice((1200, 1650, 1650, 1650, 2100))
        storm = 675 if rng.random() < 0.9 else 925
        average = 1850 + int(kgal * 1.3 * 512) + 1425 + int(winter * 498) + trash + storm
        deposit = 0
        if first > 0 or rng.random() < 0.12:
            deposit = (2 * average // 500 + 1) * 500 if rng.random() < 0.7 else 0

        items: list[_Item] = []
        credit = 0
        tagged = False
        for m in range(first, last + 1):
            bill = bills[m]
            final = m == last and bool(ends)
            # The bill.
            if status == "shut_off":
                water, sewer, water_text = 1850, 1425, "Water base charge (service off)"
            else:
                used = kgal * bill.season * rng.uniform(0.8, 1.2)
                water = 1850 + int(min(used, 15.0) * 512) + int(max(used - 15.0, 0.0) * 768)
                sewer = 1425 + int(winter * 498)
                water_text = f"Water {used:.1f} kgal"
            lines = [
                ["WATER", water_text, bill.period, bill.bill, bill.due, water, 0],
                ["SEWER", "Sewer", bill.period, bill.bill, bill.due, sewer, 0],
                ["TRASH", "Trash", bill.period, bill.bill, bill.due, trash, 0],
                ["STORM", "Stormwater", bill.period, bill.bill, bill.due, storm, 0],
            ]
            items.extend(lines)
            total = water + sewer + trash + storm
            history.append(
                (account_id, iso[bill.bill], "bill", f"{'Final bill' if final else 'Bill'} {bill.label}", total, "")
            )
            if credit:
                _, credit = _pay(items, credit)
            if final and deposit:
                history.append((account_id, iso[bill.bill], "adjustment", "Deposit applied", -deposit, ""))
                _, rest = _pay(items, deposit)
                credit += rest
                deposit = 0

            # The payment, on time or late.
            pay_day, amount = 0, 0
            owed = _owed(items)
            if final and ends == "final":
                pass  # the final bill is still open
            elif behaviour == AUTOPAY:
                pay_day, amount = bill.due - 1, owed
            elif behaviour == PROMPT or (behaviour == DELINQUENT and m < stop):
                pay_day, amount = bill.bill + rng.randrange(4, 20), owed
            elif behaviour == LATE:
                pay_day = bill.bill + rng.randrange(5, 18) if rng.random() < 0.5 else bill.due + rng.randrange(2, 7)
                amount = owed
            elif behaviour == PARTIAL:
                pay_day = bill.bill + rng.randrange(8, 25)
                amount = max(1000, int(owed * rng.uniform(0.4, 0.8)) // 500 * 500)
            elif behaviour == OVERPAY:
                pay_day, amount = bill.bill + rng.randrange(3, 15), (owed // 1000 + rng.choice((1, 2, 5))) * 1000
            elif behaviour == DELINQUENT and tagged and rng.random() < 0.25:
                pay_day, amount = bill.due + rng.randrange(2, 7), max(2000, owed // 3 // 500 * 500)
            if amount <= 0 or pay_day > as_of:
                pay_day = 0
            late_check = bill.due + 1

            if pay_day and pay_day <= bill.due:
                taken, rest = self.payment(history, items, account_id, pay_day, amount, channel, cash_only)
                credit += rest
                if m == nsf_month and not rest:
                    cash_only = True
                    self.returned_check(history, items, account_id, min(pay_day + 6, as_of), taken)
            # Past the due date: late fee, then a door tag, then the water is shut off.
            if late_check <= as_of and not final:
                late = [i for i in items if i[_DUE] < late_check and i[_CODE] not in _FEES]
                if late:
                    past_due_bills = {i[_PERIOD] for i in late}
                    past_due = sum(i[_AMOUNT] - i[_PAID] for i in late)
                    fee = max(100, past_due * 5 // 100)
                    self.fee(
                        history,
                        items,
                        account_id,
                        late_check,
                        "LATEFEE",
                        f"Late fee 5% of {Money(past_due).display()}",
                        fee,
                    )
                    if len(past_due_bills) >= 2 and not tagged:
                        tagged = True
                        self.fee(history, items, account_id, late_check, "DOORTAG", "Shut-off notice (door tag)", 3000)
                    elif len(past_due_bills) >= 3 and status == "active":
                        status = "shut_off"
                        self.fee(history, items, account_id, late_check, "RECON", "Reconnection fee", 5000)
            if pay_day and pay_day > bill.due:
                credit += self.payment(history, items, account_id, pay_day, amount, channel, cash_only)[1]
        if ends:
            status = ends
        if ends == "closed" and credit:
            history.append(
                (account_id, iso[bills[last].due + 10], "adjustment", "Credit refunded by check", credit, "")
            )
            credit = 0

        owed = 0
        for item in items:
            owed += item[_AMOUNT] - item[_PAID]
            out.items.append(
                (
                    account_id,
                    item[_CODE],
                    item[_DESC],
                    item[_PERIOD],
                    iso[item[_BILLED]],
                    iso[item[_DUE]],
                    item[_AMOUNT],
                    item[_PAID],
                )
            )
        out.owed_cents += owed - credit
        out.accounts.append(
            (account_id, number, "utility", name, service, mailing, phone, digits, status, cash_only,
             deposit, "", None, credit, cal.created, cal.created)
        )  # fmt: skip

    def payment(
        self,
        history: _History,
        items: list[_Item],
        account_id: int,
        day: int,
        amount: int,
        channel: tuple[str, str],
        cash_only: bool,
    ) -> tuple[list[tuple[_Item, int]], int]:
        """Posts a payment; returns what it paid on each item and what is left over as credit."""
        if cash_only:
            description, reference = "Counter payment (cash)", "W01"
        else:
            description, reference = channel
        history.append((account_id, self.cal.iso[day], "payment", description, -amount, reference))
        return _pay(items, amount)

    def returned_check(
        self, history: _History, items: list[_Item], account_id: int, day: int, taken: list[tuple[_Item, int]]
    ) -> None:
        """The bank returned a check: what it paid is owed again, plus the NSF fee."""
        amount = 0
        for item, take in taken:
            if item[_PAID] == item[_AMOUNT]:
                items.append(item)  # owed again
            item[_PAID] -= take
            amount += take
        items.sort(key=lambda i: i[_DUE])
        check = self.rng.randrange(1001, 9999)
        history.append((account_id, self.cal.iso[day], "adjustment", f"Returned check {check} (NSF)", amount, "NSF"))
        self.fee(history, items, account_id, day, "NSF", "Returned check fee", 3000)

    def fee(
        self, history: _History, items: list[_Item], account_id: int, day: int, code: str, description: str, amount: int
    ) -> None:
        items.append([code, description, "", day, day, amount, 0])
        history.append((account_id, self.cal.iso[day], "adjustment", description, amount, ""))

    def sales_tax_account(self, out: _Block, account_id: int, number: str) -> None:
        rng, cal = self.rng, self.cal
        iso, as_of = cal.iso, cal.as_of
        history = out.history
        name = self.business()
        service, zip_code = self.address()
        mailing = self.mailing(service, zip_code)
        phone, digits = self.phone()
        f = rng.random()
        frequency = "monthly" if f < 0.3 else "quarterly" if f < 0.8 else "annual"
        periods = cal.tax[frequency]
        licence = f"BL-{rng.randrange(1998, 2026)}-{account_id:06d}"
        monthly_sales = rng.lognormvariate({"monthly": 11.2, "quarterly": 9.6, "annual": 8.0}[frequency], 0.7)

        status = "closed" if rng.random() < 0.07 else "active"
        last = rng.randrange(len(periods)) if status == "closed" else len(periods) - 1
        r = rng.random()
        unpaid = rng.randrange(1, min(3, len(periods)) + 1) if status == "active" and r < 0.1 else 0
        credit = 0
        owed = 0
        for p, period in enumerate(periods[: last + 1]):
            taxable = int(monthly_sales * period.months * rng.uniform(0.75, 1.25) * 100)
            tax = taxable * TAX_RATE_BP // 10000
            final = status == "closed" and p == last
            label = f"{'Final return' if final else 'Return'} {period.label}"
            if p <= last - unpaid:  # filed and paid on time
                day = period.due - rng.randrange(0, 20)
                history.append((account_id, iso[day], "return", label, tax, f"taxable {taxable // 100}"))
                paid = tax
                if p == last and status == "active" and rng.random() < 0.03:
                    paid = tax + rng.randrange(1, 200) * 100  # paid too much: a credit
                    credit = paid - tax
                history.append((account_id, iso[day], "payment", "Payment with return", -paid, "WEB"))
                continue
            # Delinquent: filed without paying, or never filed and assessed.
            if rng.random() < 0.6:
                day = period.due - rng.randrange(0, 10)
                history.append(
                    (account_id, iso[day], "return", f"{label} (not paid)", tax, f"taxable {taxable // 100}")
                )
                description = f"Sales tax {period.label}"
            else:
                day = period.due + 30
                if day > as_of:
                    day = as_of
                tax = tax // 1000 * 1000 + 10000  # an estimate, rounded up
                history.append(
                    (account_id, iso[day], "adjustment", f"Estimated assessment {period.label} (no return)", tax, "")
                )
                description = f"Estimated sales tax {period.label}"
            penalty = max(1500, tax // 10)
            months = (as_of - period.due + 29) // 30 if as_of > period.due else 0
            interest = tax * months // 100
            rows = [("SALESTAX", description, tax), ("TAXPEN", f"Penalty 10% {period.label}", penalty)]
            history.append(
                (account_id, iso[min(period.due + 1, as_of)], "adjustment", f"Penalty {period.label}", penalty, "")
            )
            if interest:
                rows.append(("TAXINT", f"Interest {months} mo {period.label}", interest))
                history.append(
                    (account_id, iso[as_of], "adjustment", f"Interest {period.label}, {months} months", interest, "")
                )
            for code, description, amount in rows:
                out.items.append((account_id, code, description, period.period, iso[day], iso[period.due], amount, 0))
                owed += amount
        out.owed_cents += owed - credit
        out.accounts.append(
            (account_id, number, "sales_tax", name, service, mailing, phone, digits, status, False, 0,
             licence, frequency, credit, cal.created, cal.created)
        )  # fmt: skip


def _build_block(seed: int, block: int, cal: _Calendar, first_index: int, count: int) -> _Block:
    return _CityBuilder(seed, block, cal).build(first_index, count)


# -- the use case ----------------------------------------------------------------------------


def _blocks(accounts: int) -> Iterator[tuple[int, int, int]]:
    for block, start in enumerate(range(0, accounts, BLOCK)):
        yield block, start, min(BLOCK, accounts - start)


def _built_blocks(seed: int, accounts: int, cal: _Calendar, workers: int) -> Iterator[_Block]:
    """Blocks in order. With helpers, a few blocks are built ahead while the last is written."""
    if workers <= 1:
        for block, start, count in _blocks(accounts):
            yield _build_block(seed, block, cal, start, count)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: list[Future[_Block]] = []
        for block, start, count in _blocks(accounts):
            pending.append(pool.submit(_build_block, seed, block, cal, start, count))
            if len(pending) > workers + 1:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()


def generate_demo_city(
    db: str | os.PathLike[str] | None,
    *,
    accounts: int,
    seed: int,
    progress: Progress | None = None,
    as_of: dt.date | None = None,
    workers: int | None = None,
    actor: Operator | None = None,
) -> DemoResult:
    """Fill an empty database with a fictional city of `accounts` accounts.

    as_of: the day the city's history ends (default: today in the city's time zone).
    workers: processes that build accounts while this one writes them (default: one per
    CPU for large cities, none for small ones). It never changes what is built. They are
    spawned, so a script that calls this needs the `if __name__ == "__main__":` guard.
    actor: who asked, for the audit trail (default: the administrator at the command line).
    A database without users also gets the demo users (DEMO_USERS, password DEMO_PASSWORD).
    """
    if not 1 <= accounts <= MAX_ACCOUNTS:
        raise ServiceError(f"A demo city has from 1 to {MAX_ACCOUNTS:,} accounts.")
    started = time.perf_counter()
    init_database(db)
    ctx = ServiceContext.open(db, settings=Settings.load(), quick_check=False)
    try:
        as_of = as_of or ctx.today()
        location = str(ctx.db.path or ctx.db.url)
        have = bulk.row_counts(ctx.db, TABLES)
        if have["accounts"]:
            raise ServiceError(
                f"The database {location} already has {have['accounts']:,} accounts. demo-data only fills an "
                "empty database, so nothing was changed. Give it a new file: cashdesk --db demo.sqlite3 demo-data"
            )
        if not ctx.db.is_sqlite:
            raise ServiceError("demo-data fills SQLite database files only; give it a file with --db.")
        if workers is None:
            workers = min(os.cpu_count() or 1, 4) if accounts >= PARALLEL_FROM else 0
        cal = _Calendar.build(as_of)
        utility = sales_tax = owed = 0
        done = 0
        if progress:
            progress(0, accounts)
        with bulk.bulk_load(ctx.db, TABLES) as load:
            for block in _built_blocks(seed, accounts, cal, workers):
                load.insert("accounts", ACCOUNT_COLUMNS, block.accounts)
                load.insert("open_items", ITEM_COLUMNS, block.items)
                load.insert("account_history", HISTORY_COLUMNS, block.history)
                utility += block.utility
                sales_tax += block.sales_tax
                owed += block.owed_cents
                done += len(block.accounts)
                if progress and done < accounts:
                    progress(done, accounts)
        if progress:
            progress(accounts, accounts)
        result = DemoResult(
            location=location,
            seed=seed,
            as_of=as_of,
            accounts=accounts,
            utility=utility,
            sales_tax=sales_tax,
            open_items=load.inserted.get("open_items", 0),
            history=load.inserted.get("account_history", 0),
            owed=Money(owed),
            seconds=time.perf_counter() - started,
        )
        users = _add_demo_users(ctx, actor or command_line_operator(), result)
        result = replace(result, users=users, seconds=time.perf_counter() - started)
        log.info("%s", result.describe())
        return result
    finally:
        ctx.close()
