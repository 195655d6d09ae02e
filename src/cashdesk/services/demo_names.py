"""The people and places of Aurelia, the demo city: surnames weighted as in the census, first
names, streets, ZIP codes and businesses, and the names and addresses made from them
(services/demo_accounts.py)."""

from __future__ import annotations

import bisect
import random

CITY = "Aurelia"

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


class People:
    """Names, addresses and phone numbers drawn from one block's random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.streets = _streets()

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
