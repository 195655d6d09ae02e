<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>account_answers</name>
    <message>
        <source>Answers for this account ({ANSWERS_KEY}): {titles}</source>
        <translation>Respuestas para esta cuenta ({ANSWERS_KEY}): {titles}</translation>
    </message>
</context>
<context>
    <name>account_pane</name>
    <message>
        <source>Find an account to see what it owes.</source>
        <translation>Busque una cuenta para ver lo que debe.</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 días</translation>
    </message>
    <message>
        <source>60 days</source>
        <translation>60 días</translation>
    </message>
    <message>
        <source>90+ days</source>
        <translation>90+ días</translation>
    </message>
    <message>
        <source>Open items, in the order a payment pays them</source>
        <translation>Partidas abiertas, en el orden en que un pago las cubre</translation>
    </message>
    <message>
        <source>History, latest first</source>
        <translation>Historial, lo más reciente primero</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Past due</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Owed: {title} since billed</source>
        <translation>Adeudado: {title} desde la factura</translation>
    </message>
    <message>
        <source>Service address:</source>
        <translation>Dirección de servicio:</translation>
    </message>
    <message>
        <source>Mailing address:</source>
        <translation>Dirección postal:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Teléfono:</translation>
    </message>
    <message>
        <source>Sales tax licence:</source>
        <translation>Licencia de impuesto sobre ventas:</translation>
    </message>
    <message>
        <source>Filing:</source>
        <translation>Declaración:</translation>
    </message>
    <message>
        <source>{kind_text} account · {label}</source>
        <translation>Cuenta de {kind_text} · {label}</translation>
    </message>
    <message>
        <source> · prints in {language}</source>
        <translation> · imprime en {language}</translation>
    </message>
    <message>
        <source>as of {date_text}</source>
        <translation>al {date_text}</translation>
    </message>
    <message>
        <source>Same as service address</source>
        <translation>La misma que la dirección de servicio</translation>
    </message>
    <message>
        <source>No open items</source>
        <translation>Sin partidas abiertas</translation>
    </message>
    <message>
        <source> — {past_due_count} past due</source>
        <translation> — {past_due_count} vencidas</translation>
    </message>
    <message>
        <source>Service orders:</source>
        <translation>Órdenes de servicio:</translation>
    </message>
</context>
<context>
    <name>accounts</name>
    <message>
        <source>A search is at most {MAX_QUERY_LENGTH} characters. Type less of the name or address.</source>
        <translation>Una búsqueda tiene como máximo {MAX_QUERY_LENGTH} caracteres. Escriba menos del nombre o la dirección.</translation>
    </message>
    <message>
        <source>The number of results must be at least 1.</source>
        <translation>El número de resultados debe ser al menos 1.</translation>
    </message>
    <message>
        <source>Type an account number.</source>
        <translation>Escriba un número de cuenta.</translation>
    </message>
    <message>
        <source>No account {number}. Check the number or search by name or address.</source>
        <translation>No hay cuenta {number}. Revise el número o busque por nombre o dirección.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Shut off</source>
        <translation>Cortada</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Cash only until {day:%m/%d/%Y}</source>
        <translation>Solo efectivo hasta el {day:%m/%d/%Y}</translation>
    </message>
    <message>
        <source>Cash only</source>
        <translation>Solo efectivo</translation>
    </message>
    <message>
        <source>Final bill</source>
        <translation>Factura final</translation>
    </message>
    <message>
        <source>Deposit held {amount}</source>
        <translation>Depósito retenido {amount}</translation>
    </message>
    <message>
        <source>Credit {amount}</source>
        <translation>Crédito {amount}</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Factura</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Reembolso</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Declaración</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Anulación</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>adhoc</name>
    <message>
        <source>{what} have no field {name!r}: choose one of {fields}.</source>
        <translation>{what} no tienen el campo {name!r}: elija uno de {fields}.</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Pagos</translation>
    </message>
    <message>
        <source>Business date</source>
        <translation>Día contable</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Estación</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Crédito</translation>
    </message>
    <message>
        <source>Deposit held</source>
        <translation>Depósito retenido</translation>
    </message>
    <message>
        <source>Open items</source>
        <translation>Partidas abiertas</translation>
    </message>
    <message>
        <source>Account kind</source>
        <translation>Tipo de cuenta</translation>
    </message>
    <message>
        <source>Revenue code</source>
        <translation>Código de ingreso</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Service orders</source>
        <translation>Órdenes de servicio</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Solicitada</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>Cuadrilla</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>There is no subject {name!r}: choose one of {subjects}.</source>
        <translation>No hay un tema {name!r}: elija uno de {subjects}.</translation>
    </message>
    <message>
        <source>Write each filter as field, comparison and value, like amount &gt;= 100; not {part!r}.</source>
        <translation>Escriba cada filtro como campo, comparación y valor, como amount &gt;= 100; no {part!r}.</translation>
    </message>
    <message>
        <source>A filter compares with one of {operators}, not {op!r}.</source>
        <translation>Un filtro compara con uno de {operators}, no {op!r}.</translation>
    </message>
    <message>
        <source>{group_by!r} is a time to the second: group by another field.</source>
        <translation>{group_by!r} es una hora al segundo: agrupe por otro campo.</translation>
    </message>
    <message>
        <source>Only amounts are totalled; {name!r} is not an amount.</source>
        <translation>Solo se suman importes; {name!r} no es un importe.</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>run reports</source>
        <translation>generar informes</translation>
    </message>
    <message>
        <source>{subject_title} are not kept in this database yet.</source>
        <translation>{subject_title} aún no se guardan en esta base de datos.</translation>
    </message>
    <message>
        <source>{subject} by {field}</source>
        <translation>{subject} por {field}</translation>
    </message>
    <message>
        <source>save reports</source>
        <translation>guardar informes</translation>
    </message>
    <message>
        <source>Name the report with lower-case letters, digits and dashes, like unpaid-water.</source>
        <translation>Nombre el informe con minúsculas, dígitos y guiones, como unpaid-water.</translation>
    </message>
    <message>
        <source>There is no saved report called {name!r}.</source>
        <translation>No hay ningún informe guardado llamado {name!r}.</translation>
    </message>
</context>
<context>
    <name>anchors</name>
    <message>
        <source>There is no folder {folder}. Name the folder that holds the deposit files.</source>
        <translation>No existe la carpeta {folder}. Indique la carpeta que contiene los archivos de depósito.</translation>
    </message>
    <message>
        <source>{path} cannot be read: {strerror}. Nothing was checked.</source>
        <translation>No se puede leer {path}: {strerror}. No se revisó nada.</translation>
    </message>
    <message>
        <source>{path} is not a deposit file cashdesk can read: {exc}. Move it out of the folder, or check it by hand; nothing was checked.</source>
        <translation>{path} no es un archivo de depósito que cashdesk pueda leer: {exc}. Sáquelo de la carpeta o revíselo a mano; no se revisó nada.</translation>
    </message>
    <message>
        <source>{count} deposit files there carry no audit anchor</source>
        <translation>{count} archivos de depósito de esa carpeta no llevan ancla de auditoría</translation>
    </message>
    <message>
        <source>there are no deposit files</source>
        <translation>no hay archivos de depósito</translation>
    </message>
    <message>
        <source>No anchors in {folder}: {what} (deposit-YYYY-MM-DD.csv, written by export-deposit since anchors were added). Nothing was checked.</source>
        <translation>No hay anclas en {folder}: {what} (deposit-YYYY-MM-DD.csv, escritos por export-deposit desde que existen las anclas). No se revisó nada.</translation>
    </message>
    <message>
        <source>The audit anchor kept in {beside} cannot be read, so it is not known how far a backup must reach. Look at the file (it may have been tampered with); move it aside only if you are sure, then restore again.</source>
        <translation>No se puede leer el ancla de auditoría guardada en {beside}, así que no se sabe hasta dónde debe llegar una copia de seguridad. Revise el archivo (puede haber sido alterado); apártelo solo si está seguro y luego restaure de nuevo.</translation>
    </message>
</context>
<context>
    <name>answer_edit</name>
    <message>
        <source>A new {what}</source>
        <translation>Nueva {what}</translation>
    </message>
    <message>
        <source>Change the {what}</source>
        <translation>Cambiar {what}</translation>
    </message>
    <message>
        <source>empty: made from the </source>
        <translation>vacío: se forma a partir del </translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Id:</translation>
    </message>
    <message>
        <source>&amp;Save ({SAVE_KEY})</source>
        <translation>&amp;Guardar ({SAVE_KEY})</translation>
    </message>
    <message>
        <source>Tab or Enter: the next field; in the text, Enter starts a new line. {SAVE_KEY} saves it as a new version (kept and audited); Esc leaves it as it was.</source>
        <translation>Tab o Intro: el campo siguiente; en el texto, Intro empieza una línea nueva. {SAVE_KEY} la guarda como una versión nueva (se conserva y se audita); Esc la deja como estaba.</translation>
    </message>
    <message>
        <source>what it is about, for the list</source>
        <translation>de qué trata, para la lista</translation>
    </message>
    <message>
        <source>as customers ask it: Why was my water turned off?</source>
        <translation>como lo preguntan los clientes: ¿Por qué me cortaron el agua?</translation>
    </message>
    <message>
        <source>Municipal Code § 13.08.140</source>
        <translation>Código Municipal § 13.08.140</translation>
    </message>
    <message>
        <source>customers&apos; own words, separated by commas</source>
        <translation>las palabras de los clientes, separadas por comas</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Pregunta:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xto:</translation>
    </message>
    <message>
        <source>&amp;Rests on:</source>
        <translation>&amp;Se basa en:</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>&amp;Enlace:</translation>
    </message>
    <message>
        <source>&amp;Effective:</source>
        <translation>&amp;Vigente desde:</translation>
    </message>
    <message>
        <source>Re&amp;view on:</source>
        <translation>Re&amp;visar el:</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Departamento:</translation>
    </message>
    <message>
        <source>&amp;Keywords:</source>
        <translation>Pala&amp;bras clave:</translation>
    </message>
    <message>
        <source>Beside &amp;accounts:</source>
        <translation>Junto a las &amp;cuentas:</translation>
    </message>
    <message>
        <source>the department or agency</source>
        <translation>el departamento o la agencia</translation>
    </message>
    <message>
        <source>Mon-Fri 8:00-5:00</source>
        <translation>Lun-Vie 8:00-5:00</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>What it &amp;handles:</source>
        <translation>De qué se &amp;ocupa:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>Di&amp;rección:</translation>
    </message>
    <message>
        <source>H&amp;ours:</source>
        <translation>H&amp;orario:</translation>
    </message>
    <message>
        <source>&amp;Web:</source>
        <translation>&amp;Web:</translation>
    </message>
    <message>
        <source>effective date</source>
        <translation>fecha de vigencia</translation>
    </message>
    <message>
        <source>review date</source>
        <translation>fecha de revisión</translation>
    </message>
    <message>
        <source>{exc} Nothing was saved.</source>
        <translation>{exc} No se guardó nada.</translation>
    </message>
    <message>
        <source>The {what}: {exc}</source>
        <translation>{what}: {exc}</translation>
    </message>
    <message>
        <source>Versions of the answer</source>
        <translation>Versiones de la respuesta</translation>
    </message>
    <message>
        <source>Newest first. ↑/↓ choose a version: its text shows beside the list. Esc closes.</source>
        <translation>Lo más reciente primero. ↑/↓ eligen una versión: su texto aparece junto a la lista. Esc cierra.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versiones</translation>
    </message>
    <message>
        <source>Versions of “{title}”</source>
        <translation>Versiones de “{title}”</translation>
    </message>
    <message>
        <source>nothing (saved again as it was)</source>
        <translation>nada (se guardó otra vez tal como estaba)</translation>
    </message>
    <message>
        <source>changed: {what}</source>
        <translation>cambió: {what}</translation>
    </message>
    <message>
        <source>Version {version} · {at:%m/%d/%Y %I:%M %p} · {changed_by}
{what}</source>
        <translation>Versión {version} · {at:%m/%d/%Y %I:%M %p} · {changed_by}
{what}</translation>
    </message>
</context>
<context>
    <name>answer_files</name>
    <message>
        <source>{folder} is not a folder: give the folder that holds the Markdown files.</source>
        <translation>{folder} no es una carpeta: indique la carpeta que contiene los archivos Markdown.</translation>
    </message>
    <message>
        <source>{folder} holds no Markdown (.md) files: nothing was imported.</source>
        <translation>{folder} no contiene archivos Markdown (.md): no se importó nada.</translation>
    </message>
    <message>
        <source>{folder} holds more than {MAX_FILES:,} Markdown files: nothing was imported.</source>
        <translation>{folder} contiene más de {MAX_FILES:,} archivos Markdown: no se importó nada.</translation>
    </message>
    <message>
        <source>Nothing was imported: {count} file(s) need fixing: {shown}.</source>
        <translation>No se importó nada: hay que corregir {count} archivo(s): {shown}.</translation>
    </message>
    <message>
        <source>import answers</source>
        <translation>importar respuestas</translation>
    </message>
    <message>
        <source>export the answers</source>
        <translation>exportar las respuestas</translation>
    </message>
    <message>
        <source>Could not write the answers to {folder}: {strerror}.</source>
        <translation>No se pudieron escribir las respuestas en {folder}: {strerror}.</translation>
    </message>
    <message>
        <source>There is no answer {slug!r}.</source>
        <translation>No hay ninguna respuesta {slug!r}.</translation>
    </message>
    <message>
        <source>print answers</source>
        <translation>imprimir respuestas</translation>
    </message>
    <message>
        <source>Could not save the PDF in {folder}: {strerror}.</source>
        <translation>No se pudo guardar el PDF en {folder}: {strerror}.</translation>
    </message>
</context>
<context>
    <name>answer_rules</name>
    <message>
        <source>first version</source>
        <translation>primera versión</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>question</source>
        <translation>pregunta</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>what it handles</source>
        <translation>de qué se ocupa</translation>
    </message>
    <message>
        <source>citation</source>
        <translation>en qué se basa</translation>
    </message>
    <message>
        <source>link</source>
        <translation>enlace</translation>
    </message>
    <message>
        <source>effective date</source>
        <translation>fecha de vigencia</translation>
    </message>
    <message>
        <source>review date</source>
        <translation>fecha de revisión</translation>
    </message>
    <message>
        <source>department</source>
        <translation>departamento</translation>
    </message>
    <message>
        <source>keywords</source>
        <translation>palabras clave</translation>
    </message>
    <message>
        <source>accounts it belongs beside</source>
        <translation>cuentas junto a las que aparece</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>teléfono</translation>
    </message>
    <message>
        <source>address</source>
        <translation>dirección</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>horario</translation>
    </message>
    <message>
        <source>web address</source>
        <translation>dirección web</translation>
    </message>
    <message>
        <source>sample mark</source>
        <translation>marca de muestra</translation>
    </message>
    <message>
        <source>Keep the {what} under {limit} characters.</source>
        <translation>El campo «{what}» debe tener menos de {limit} caracteres.</translation>
    </message>
    <message>
        <source>The {what} holds {found}: it is one line of plain text. Clear it and type it again.</source>
        <translation>El campo «{what}» contiene {found}: es una sola línea de texto simple. Bórrelo y escríbalo de nuevo.</translation>
    </message>
    <message>
        <source>The {what} holds what looks like a card number: never keep one.</source>
        <translation>El campo «{what}» contiene lo que parece un número de tarjeta: nunca guarde uno.</translation>
    </message>
    <message>
        <source>Keep the {what} under {limit:,} characters: it is read out at the window, not a manual.</source>
        <translation>El campo «{what}» debe tener menos de {limit:,} caracteres: se lee en la ventanilla, no es un manual.</translation>
    </message>
    <message>
        <source>The {what} holds {found}, which cannot be printed or kept. Clear it and type it again.</source>
        <translation>El campo «{what}» contiene {found}, que no se puede imprimir ni guardar. Bórrelo y escríbalo de nuevo.</translation>
    </message>
    <message>
        <source>The id {slug!r} is not usable: 1 to 80 lower-case letters, digits and dashes, like shut-off-notice.</source>
        <translation>El id {slug!r} no sirve: de 1 a 80 letras minúsculas, dígitos y guiones, como shut-off-notice.</translation>
    </message>
    <message>
        <source>At most {most} keywords: keep the words customers really use.</source>
        <translation>Como máximo {most} palabras clave: quédese con las que de verdad usan los clientes.</translation>
    </message>
    <message>
        <source>Separate keywords with commas; a keyword holds none.</source>
        <translation>Separe las palabras clave con comas; una palabra clave no lleva ninguna.</translation>
    </message>
    <message>
        <source>keyword</source>
        <translation>palabra clave</translation>
    </message>
    <message>
        <source>The {what} must start with http:// or https:// and hold no spaces, like https://aurelia.example/code.</source>
        <translation>El campo «{what}» debe empezar por http:// o https:// y no tener espacios, como https://aurelia.example/code.</translation>
    </message>
    <message>
        <source>Give the answer a title: what it is about, as the list shows it.</source>
        <translation>Dé un título a la respuesta: de qué trata, tal como lo muestra la lista.</translation>
    </message>
    <message>
        <source>answer&apos;s text</source>
        <translation>texto de la respuesta</translation>
    </message>
    <message>
        <source>Write the answer itself: what to tell the customer.</source>
        <translation>Escriba la respuesta en sí: lo que hay que decirle al cliente.</translation>
    </message>
    <message>
        <source>{topic!r} is not a kind of account an answer can belong beside; use {topics}.</source>
        <translation>{topic!r} no es un tipo de cuenta junto al que pueda aparecer una respuesta; use {topics}.</translation>
    </message>
    <message>
        <source>The review date comes before the effective date: review it on or after the day it takes effect.</source>
        <translation>La fecha de revisión es anterior a la de vigencia: revísela el día en que entra en vigor o después.</translation>
    </message>
    <message>
        <source>Give the referral the name of the department or agency.</source>
        <translation>Dé a la remisión el nombre del departamento o del organismo.</translation>
    </message>
    <message>
        <source>text of what it handles</source>
        <translation>texto de lo que atiende</translation>
    </message>
    <message>
        <source>Say what the office handles, so a search finds it.</source>
        <translation>Diga qué atiende esa oficina, para que una búsqueda la encuentre.</translation>
    </message>
    <message>
        <source>Give a phone number, an address or a web address: the customer must be able to reach them.</source>
        <translation>Dé un teléfono, una dirección o una dirección web: el cliente tiene que poder comunicarse con ellos.</translation>
    </message>
</context>
<context>
    <name>answer_text</name>
    <message>
        <source>&lt;p style=&apos;color:#b00020;font-weight:bold&apos;&gt;Due for review since {review_on:%m/%d/%Y}: check it with a supervisor before relying on it.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#b00020;font-weight:bold&apos;&gt;Pendiente de revisión desde el {review_on:%m/%d/%Y}: compruébela con un supervisor antes de fiarse de ella.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Rests on</source>
        <translation>Se basa en</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>Vigente desde</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>{version}, by {changed_by}</source>
        <translation>{version}, por {changed_by}</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
</context>
<context>
    <name>answers</name>
    <message>
        <source>  [review due]</source>
        <translation>  [revisión pendiente]</translation>
    </message>
    <message>
        <source>Answers and referrals</source>
        <translation>Respuestas y remisiones</translation>
    </message>
    <message>
        <source>A few of the customer&apos;s words, like: water shut off</source>
        <translation>Unas palabras del cliente, como: agua cortada</translation>
    </message>
    <message>
        <source> {EDIT_KEY} changes the answer or referral chosen, {NEW_ANSWER_KEY} writes a new answer, {NEW_REFERRAL_KEY} a new referral.</source>
        <translation> {EDIT_KEY} cambia la respuesta o remisión elegida, {NEW_ANSWER_KEY} escribe una respuesta nueva, {NEW_REFERRAL_KEY} una remisión nueva.</translation>
    </message>
    <message>
        <source>Enter searches; ↓ goes to the answers found, {SEARCH_KEY} back to the search; {PRINT_KEY} prints the answer on the receipt printer, {HANDOUT_KEY} saves it as a PDF handout, {HISTORY_KEY} shows its versions.{editing} Esc closes.</source>
        <translation>Intro busca; ↓ va a las respuestas encontradas, {SEARCH_KEY} vuelve a la búsqueda; {PRINT_KEY} imprime la respuesta en la impresora de recibos, {HANDOUT_KEY} la guarda como folleto PDF, {HISTORY_KEY} muestra sus versiones.{editing} Esc cierra.</translation>
    </message>
    <message>
        <source>Answers for the account shown; type to search for others.</source>
        <translation>Respuestas para la cuenta mostrada; escriba para buscar otras.</translation>
    </message>
    <message>
        <source>Nothing matches {query!r}: try other words, or fewer.</source>
        <translation>Nada coincide con {query!r}: pruebe otras palabras, o menos.</translation>
    </message>
    <message>
        <source>{listed} found, best first. ↓ to read them.</source>
        <translation>{listed} encontradas, la mejor primero. ↓ para leerlas.</translation>
    </message>
    <message>
        <source>Referral: </source>
        <translation>Remisión: </translation>
    </message>
    <message>
        <source>Choose an answer first (↓ from the search box).</source>
        <translation>Elija primero una respuesta (↓ desde el cuadro de búsqueda).</translation>
    </message>
    <message>
        <source>“{title}” is going to the receipt printer.</source>
        <translation>“{title}” va a la impresora de recibos.</translation>
    </message>
    <message>
        <source>The handout is saved: {path}</source>
        <translation>El folleto está guardado: {path}</translation>
    </message>
    <message>
        <source>Choose the answer or referral to change first (↓ from the search box).</source>
        <translation>Elija primero la respuesta o remisión que quiere cambiar (↓ desde el cuadro de búsqueda).</translation>
    </message>
    <message>
        <source>Choose an answer first (↓ from the search box): referrals keep no versions; their changes are in the audit trail.</source>
        <translation>Elija primero una respuesta (↓ desde el cuadro de búsqueda): las remisiones no guardan versiones; sus cambios están en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>No se cambió nada.</translation>
    </message>
    <message>
        <source>version {saved_version}</source>
        <translation>versión {saved_version}</translation>
    </message>
    <message>
        <source>the referral directory</source>
        <translation>el directorio de remisiones</translation>
    </message>
    <message>
        <source>Saved: “{saved_title}”, {what}.</source>
        <translation>Guardado: “{saved_title}”, {what}.</translation>
    </message>
    <message>
        <source>search the answers</source>
        <translation>buscar en las respuestas</translation>
    </message>
    <message>
        <source>A search is at most {MAX_QUERY} characters: type a few words of the question.</source>
        <translation>Una búsqueda tiene como máximo {MAX_QUERY} caracteres: escriba unas pocas palabras de la pregunta.</translation>
    </message>
    <message>
        <source>read the answers</source>
        <translation>leer las respuestas</translation>
    </message>
    <message>
        <source>There is no answer {slug!r}.</source>
        <translation>No hay ninguna respuesta {slug!r}.</translation>
    </message>
    <message>
        <source>read the referral directory</source>
        <translation>leer el directorio de remisiones</translation>
    </message>
    <message>
        <source>There is no referral {slug!r}.</source>
        <translation>No hay ninguna remisión {slug!r}.</translation>
    </message>
    <message>
        <source>change the answers</source>
        <translation>cambiar las respuestas</translation>
    </message>
    <message>
        <source>{problem} Nothing was saved.</source>
        <translation>{problem} No se guardó nada.</translation>
    </message>
    <message>
        <source>an answer {slug!r}</source>
        <translation>una respuesta {slug!r}</translation>
    </message>
    <message>
        <source>There is {what} already: choose it in the list and change it, or give this one another id. Nothing was saved.</source>
        <translation>Ya existe {what}: elíjala en la lista y cámbiela, o dele otro identificador a esta. No se guardó nada.</translation>
    </message>
    <message>
        <source>{by} saved version {version} while you were changing version {based_on}: close this, open it again and make your change there. Nothing was saved.</source>
        <translation>{by} guardó la versión {version} mientras usted cambiaba la versión {based_on}: cierre esto, vuelva a abrirlo y haga allí su cambio. No se guardó nada.</translation>
    </message>
    <message>
        <source>change the referral directory</source>
        <translation>cambiar el directorio de remisiones</translation>
    </message>
    <message>
        <source>a referral {slug!r}</source>
        <translation>una remisión {slug!r}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>cashdesk cannot start</source>
        <translation>cashdesk no puede arrancar</translation>
    </message>
</context>
<context>
    <name>approval</name>
    <message>
        <source>Drawer {drawer_id} (counted by {counted_by}): {over_short_words}, beyond the limit of {limit}</source>
        <translation>Cajón {drawer_id} (contado por {counted_by}): {over_short_words}, por encima del límite de {limit}</translation>
    </message>
    <message>
        <source>  {label}: expected {expected}, counted {counted}, {over_short_words}</source>
        <translation>  {label}: esperado {expected}, contado {counted}, {over_short_words}</translation>
    </message>
    <message>
        <source>the holder of account {account}</source>
        <translation>el titular de la cuenta {account}</translation>
    </message>
    <message>
        <source>Pay out {amount} cash from drawer {drawer_id}</source>
        <translation>Pagar {amount} en efectivo del cajón {drawer_id}</translation>
    </message>
    <message>
        <source> to {to}</source>
        <translation> a {to}</translation>
    </message>
    <message>
        <source>  Refund of the credit on account {account}</source>
        <translation>  Reembolso del crédito de la cuenta {account}</translation>
    </message>
    <message>
        <source>  Charged to revenue code {revenue_code}</source>
        <translation>  Cargado al código de ingreso {revenue_code}</translation>
    </message>
    <message>
        <source>Open drawer {drawer_id} with no sale: no money is taken in or paid out</source>
        <translation>Abrir el cajón {drawer_id} sin venta: no entra ni sale dinero</translation>
    </message>
    <message>
        <source>Supervisor approval</source>
        <translation>Aprobación del supervisor</translation>
    </message>
    <message>
        <source>A supervisor types their own user id and password to approve. Esc cancels.</source>
        <translation>Un supervisor escribe su propio usuario y contraseña para aprobar. Esc cancela.</translation>
    </message>
    <message>
        <source>&amp;Supervisor:</source>
        <translation>&amp;Supervisor:</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Aprobar</translation>
    </message>
    <message>
        <source>Asked by {user_id} ({label})</source>
        <translation>Lo pide {user_id} ({label})</translation>
    </message>
    <message>
        <source>The approval could not be recorded ({exc}). Call your supervisor.</source>
        <translation>No se pudo registrar la aprobación ({exc}). Llame a su supervisor.</translation>
    </message>
</context>
<context>
    <name>arrangements</name>
    <message>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Debt</source>
        <translation>Deuda</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Inicial</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Próximo vencimiento</translation>
    </message>
    <message>
        <source>Payment arrangements</source>
        <translation>Convenios de pago</translation>
    </message>
    <message>
        <source>Payment arrangements — a down payment, then monthly installments</source>
        <translation>Convenios de pago — un pago inicial y luego cuotas mensuales</translation>
    </message>
    <message>
        <source>Account, down payment (50.00 or 25%), installments, first date, each then Enter: the schedule is shown. Alt+S saves it. Alt+F finds arrangements; Alt+X cancels the one chosen (a supervisor). Esc closes.</source>
        <translation>Cuenta, pago inicial (50.00 o 25%), cuotas, primera fecha, cada uno seguido de Intro: se muestra el calendario. Alt+S lo guarda. Alt+F busca convenios; Alt+X cancela el elegido (un supervisor). Esc cierra.</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Número de cuenta</translation>
    </message>
    <message>
        <source>50.00 or 25%</source>
        <translation>50.00 o 25%</translation>
    </message>
    <message>
        <source>MM/DD/YYYY; empty: in a month</source>
        <translation>MM/DD/AAAA; vacío: dentro de un mes</translation>
    </message>
    <message>
        <source>Account; empty: all open</source>
        <translation>Cuenta; vacío: todos los abiertos</translation>
    </message>
    <message>
        <source>customer request, error…</source>
        <translation>petición del cliente, error…</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Cuenta:</translation>
    </message>
    <message>
        <source>&amp;Down payment:</source>
        <translation>&amp;Pago inicial:</translation>
    </message>
    <message>
        <source>&amp;Installments:</source>
        <translation>Cu&amp;otas:</translation>
    </message>
    <message>
        <source>First da&amp;te:</source>
        <translation>Primera &amp;fecha:</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>&amp;Save the schedule</source>
        <translation>&amp;Guardar el calendario</translation>
    </message>
    <message>
        <source>Cancel it (&amp;X)</source>
        <translation>Cancelarlo (&amp;X)</translation>
    </message>
    <message>
        <source>Type the number of monthly installments, like 3.</source>
        <translation>Escriba el número de cuotas mensuales, como 3.</translation>
    </message>
    <message>
        <source> with {interest} interest</source>
        <translation> con {interest} de interés</translation>
    </message>
    <message>
        <source> Current bills ({current}) are paid as billed.</source>
        <translation> Las facturas corrientes ({current}) se pagan según se facturan.</translation>
    </message>
    <message>
        <source>Schedule for {account} ({name}): {debt} past due, {down} down by {date_text}, {count} installment(s){interest}.{current} Alt+S saves it.</source>
        <translation>Calendario para {account} ({name}): {debt} vencido, {down} de pago inicial antes del {date_text}, {count} cuota(s){interest}.{current} Alt+S lo guarda.</translation>
    </message>
    <message>
        <source>Show the schedule first: Enter in the fields, then Alt+S saves what is shown.</source>
        <translation>Muestre primero el calendario: Intro en los campos, luego Alt+S guarda lo que se muestra.</translation>
    </message>
    <message>
        <source>Arrangement {id} saved for {account}: {label}; {down} down by {date_text}. Take the down payment at the counter.</source>
        <translation>Convenio {id} guardado para {account}: {label}; {down} de pago inicial antes del {date_text}. Cobre el pago inicial en el mostrador.</translation>
    </message>
    <message>
        <source>Choose an arrangement in the list first (Alt+F, then Up/Down).</source>
        <translation>Elija primero un convenio de la lista (Alt+F, luego Arriba/Abajo).</translation>
    </message>
    <message>
        <source>Arrangement {id} for {account} cancelled.</source>
        <translation>Convenio {id} de {account} cancelado.</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Solicitado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Cumplido</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>Incumplido</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Denegado</translation>
    </message>
    <message>
        <source>Down payment</source>
        <translation>Pago inicial</translation>
    </message>
    <message>
        <source>Installment {seq}</source>
        <translation>Cuota {seq}</translation>
    </message>
    <message>
        <source>&quot;{raw}&quot; is not a percent: type a whole number from 0 to 100, like 25%.</source>
        <translation>&quot;{raw}&quot; no es un porcentaje: escriba un número entero de 0 a 100, como 25%.</translation>
    </message>
    <message>
        <source>{exc} Or type a percent of the debt, like 25%.</source>
        <translation>{exc} O escriba un porcentaje de la deuda, como 25%.</translation>
    </message>
    <message>
        <source>Account {acct} already has an arrangement. Cancel it first, or take payments on it.</source>
        <translation>La cuenta {acct} ya tiene un convenio. Cancélelo primero o reciba pagos sobre él.</translation>
    </message>
    <message>
        <source>Nothing on account {acct} is past due: current bills ({current}) are paid as billed, not arranged.</source>
        <translation>Nada de la cuenta {acct} está vencido: las facturas corrientes ({current}) se pagan según se facturan, no se conviene su pago.</translation>
    </message>
    <message>
        <source>Account {acct} owes nothing: there is nothing to arrange.</source>
        <translation>La cuenta {acct} no debe nada: no hay nada que convenir.</translation>
    </message>
    <message>
        <source>Account {acct} has had {made_recently} arrangement(s) in the last {within_months} months; at most {max_count} are allowed. A new one can be made later.</source>
        <translation>La cuenta {acct} ha tenido {made_recently} convenio(s) en los últimos {within_months} meses; se permiten como máximo {max_count}. Se podrá hacer uno nuevo más adelante.</translation>
    </message>
    <message>
        <source>Give from 1 to {max_installments} installments.</source>
        <translation>Indique de 1 a {max_installments} cuotas.</translation>
    </message>
    <message>
        <source>The first installment must fall after today ({starts}).</source>
        <translation>La primera cuota debe caer después de hoy ({starts}).</translation>
    </message>
    <message>
        <source>An arrangement may last at most {max_months} months: the last installment would fall on {last}. Give fewer installments or an earlier first date.</source>
        <translation>Un convenio puede durar como máximo {max_months} meses: la última cuota caería el {last}. Indique menos cuotas o una primera fecha más temprana.</translation>
    </message>
    <message>
        <source>The down payment must be less than the past-due amount ({past_due}); a payment of all of it needs no arrangement.</source>
        <translation>El pago inicial debe ser menor que el importe vencido ({past_due}); un pago de todo no necesita convenio.</translation>
    </message>
    <message>
        <source>A disconnect is out with a crew for account {acct}: no arrangement while it is dispatched. The customer pays the past-due amount to stop it.</source>
        <translation>Hay un corte en manos de una cuadrilla para la cuenta {acct}: no hay convenio mientras esté despachado. El cliente paga el importe vencido para detenerlo.</translation>
    </message>
    <message>
        <source>A disconnect is out with a crew for account {acct}: the down payment must be at least {needed} ({disconnect_down_percent}% of the past-due amount).</source>
        <translation>Hay un corte en manos de una cuadrilla para la cuenta {acct}: el pago inicial debe ser al menos {needed} ({disconnect_down_percent}% del importe vencido).</translation>
    </message>
    <message>
        <source>The down payment must be at least {needed} ({down_minimum_percent}% of the past-due amount).</source>
        <translation>El pago inicial debe ser al menos {needed} ({down_minimum_percent}% del importe vencido).</translation>
    </message>
    <message>
        <source>No utility account {account}. Check the number.</source>
        <translation>No hay cuenta de servicios públicos {account}. Revise el número.</translation>
    </message>
    <message>
        <source>make payment arrangements</source>
        <translation>hacer convenios de pago</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>The interest&apos;s revenue code {code} is not set up: ask an administrator (arrangements.interest_code).</source>
        <translation>El código de ingreso de los intereses, {code}, no está configurado: consulte a un administrador (arrangements.interest_code).</translation>
    </message>
    <message>
        <source>cancel payment arrangements</source>
        <translation>cancelar convenios de pago</translation>
    </message>
    <message>
        <source>Say why the arrangement is cancelled (for example: customer request).</source>
        <translation>Indique por qué se cancela el convenio (por ejemplo: a pedido del cliente).</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>There is no arrangement {arrangement_id}. Check the number.</source>
        <translation>No hay ningún convenio {arrangement_id}. Revise el número.</translation>
    </message>
    <message>
        <source>Arrangement {arrangement_id} is already {state}: it cannot be cancelled.</source>
        <translation>El convenio {arrangement_id} ya está {state}: no se puede cancelar.</translation>
    </message>
    <message>
        <source>see payment arrangements</source>
        <translation>ver los convenios de pago</translation>
    </message>
    <message>
        <source>There is no state {state!r}: use {states}.</source>
        <translation>No existe el estado {state!r}: use {states}.</translation>
    </message>
    <message>
        <source>Arrangement {id} ({state}): {left} left; {due} due now.</source>
        <translation>Convenio {id} ({state}): quedan {left}; {due} vence ahora.</translation>
    </message>
    <message>
        <source>Arrangement {id} ({state}): {left} left; next {next} due {next_due}.</source>
        <translation>Convenio {id} ({state}): quedan {left}; el siguiente pago, {next}, vence el {next_due}.</translation>
    </message>
    <message>
        <source>Arrangement {id} ({state}): {left} left.</source>
        <translation>Convenio {id} ({state}): quedan {left}.</translation>
    </message>
    <message>
        <source>look up accounts</source>
        <translation>consultar cuentas</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>The database could not be read to the end ({reason}). Restore it from the latest backup, and keep this file for the auditor.</source>
        <translation>No se pudo leer la base de datos hasta el final ({reason}). Restáurela desde la última copia de seguridad y guarde este archivo para el auditor.</translation>
    </message>
    <message>
        <source>view the audit trail</source>
        <translation>ver el registro de auditoría</translation>
    </message>
    <message>
        <source>The &apos;from&apos; date is after the &apos;to&apos; date.</source>
        <translation>La fecha &apos;desde&apos; es posterior a la fecha &apos;hasta&apos;.</translation>
    </message>
    <message>
        <source>export the audit trail</source>
        <translation>exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>{out} is a folder: name the CSV file to write, like {example}.</source>
        <translation>{out} es una carpeta: indique el archivo CSV que se escribirá, como {example}.</translation>
    </message>
    <message>
        <source>There is no folder {parent}. Create it first, or choose another place.</source>
        <translation>No existe la carpeta {parent}. Créela primero o elija otro lugar.</translation>
    </message>
    <message>
        <source>Could not write {out}: {strerror}.</source>
        <translation>No se pudo escribir {out}: {strerror}.</translation>
    </message>
    <message>
        <source>Answer printed</source>
        <translation>Respuesta impresa</translation>
    </message>
    <message>
        <source>Answer saved</source>
        <translation>Respuesta guardada</translation>
    </message>
    <message>
        <source>Answers import</source>
        <translation>Importación de respuestas</translation>
    </message>
    <message>
        <source>Arrangement</source>
        <translation>Convenio de pago</translation>
    </message>
    <message>
        <source>Audit export</source>
        <translation>Exportación de auditoría</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>Cash drop</source>
        <translation>Retiro de efectivo</translation>
    </message>
    <message>
        <source>Completions</source>
        <translation>Órdenes completadas</translation>
    </message>
    <message>
        <source>Crew sheet</source>
        <translation>Hoja de cuadrilla</translation>
    </message>
    <message>
        <source>Day close</source>
        <translation>Cierre del día</translation>
    </message>
    <message>
        <source>Delinquency run</source>
        <translation>Proceso de morosidad</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Datos de demostración</translation>
    </message>
    <message>
        <source>Deposit export</source>
        <translation>Exportación del depósito</translation>
    </message>
    <message>
        <source>Drawer close</source>
        <translation>Cierre de cajón</translation>
    </message>
    <message>
        <source>Drawer count</source>
        <translation>Arqueo de cajón</translation>
    </message>
    <message>
        <source>Drawer kick expired</source>
        <translation>Apertura de cajón vencida</translation>
    </message>
    <message>
        <source>Drawer open</source>
        <translation>Apertura de cajón</translation>
    </message>
    <message>
        <source>Guards restored</source>
        <translation>Protecciones restablecidas</translation>
    </message>
    <message>
        <source>Import accounts</source>
        <translation>Importación de cuentas</translation>
    </message>
    <message>
        <source>Init</source>
        <translation>Inicialización</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloqueo</translation>
    </message>
    <message>
        <source>Mail batch balance</source>
        <translation>Cuadre de lote de correo</translation>
    </message>
    <message>
        <source>Mail batch open</source>
        <translation>Apertura de lote de correo</translation>
    </message>
    <message>
        <source>Mail batch post</source>
        <translation>Registro de lote de correo</translation>
    </message>
    <message>
        <source>Mail batch reject</source>
        <translation>Rechazo de lote de correo</translation>
    </message>
    <message>
        <source>Mail import</source>
        <translation>Importación de correo</translation>
    </message>
    <message>
        <source>Mail item remove</source>
        <translation>Partida de correo quitada</translation>
    </message>
    <message>
        <source>Mail log pdf</source>
        <translation>PDF del registro de correo</translation>
    </message>
    <message>
        <source>Mail logged</source>
        <translation>Correo registrado</translation>
    </message>
    <message>
        <source>Mail receipt</source>
        <translation>Recibo por correo</translation>
    </message>
    <message>
        <source>Mail reversal</source>
        <translation>Reversión de correo</translation>
    </message>
    <message>
        <source>No sale</source>
        <translation>Sin venta</translation>
    </message>
    <message>
        <source>Office day close</source>
        <translation>Cierre del día en la oficina</translation>
    </message>
    <message>
        <source>Office deposit export</source>
        <translation>Exportación del depósito de la oficina</translation>
    </message>
    <message>
        <source>Office join</source>
        <translation>Unión a la oficina</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Autorización</translation>
    </message>
    <message>
        <source>Override use</source>
        <translation>Uso de autorización</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>Pago de caja</translation>
    </message>
    <message>
        <source>Password change</source>
        <translation>Cambio de contraseña</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Restablecimiento de contraseña</translation>
    </message>
    <message>
        <source>Permission change</source>
        <translation>Cambio de permisos</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Registro de pago</translation>
    </message>
    <message>
        <source>Print retry</source>
        <translation>Reintento de impresión</translation>
    </message>
    <message>
        <source>Printer test</source>
        <translation>Prueba de impresora</translation>
    </message>
    <message>
        <source>Receipt pdf</source>
        <translation>PDF de recibo</translation>
    </message>
    <message>
        <source>Referral saved</source>
        <translation>Remisión guardada</translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation>Informe guardado</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Reimpresión</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restauración</translation>
    </message>
    <message>
        <source>Returned check</source>
        <translation>Cheque devuelto</translation>
    </message>
    <message>
        <source>Setting change</source>
        <translation>Cambio de configuración</translation>
    </message>
    <message>
        <source>Shutoff hold</source>
        <translation>Suspensión de corte</translation>
    </message>
    <message>
        <source>Shutoff list</source>
        <translation>Lista de cortes</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cierre de sesión</translation>
    </message>
    <message>
        <source>Supply item added</source>
        <translation>Artículo de suministro añadido</translation>
    </message>
    <message>
        <source>Supply movement</source>
        <translation>Movimiento de suministros</translation>
    </message>
    <message>
        <source>Tax return</source>
        <translation>Declaración de impuestos</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloqueo</translation>
    </message>
    <message>
        <source>User add</source>
        <translation>Alta de usuario</translation>
    </message>
    <message>
        <source>User disable</source>
        <translation>Usuario desactivado</translation>
    </message>
    <message>
        <source>User enable</source>
        <translation>Usuario activado</translation>
    </message>
    <message>
        <source>User unlock</source>
        <translation>Usuario desbloqueado</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Anulación</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Orden de trabajo</translation>
    </message>
    <message>
        <source>Work order ticket</source>
        <translation>Boleta de orden de trabajo</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>Informe X</translation>
    </message>
    <message>
        <source>Z report pdf</source>
        <translation>PDF del informe Z</translation>
    </message>
</context>
<context>
    <name>audit_viewer</name>
    <message>
        <source>Audit trail — Station {station}</source>
        <translation>Registro de auditoría — Estación {station}</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>todos</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Evento:</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Todos los eventos</translation>
    </message>
    <message>
        <source>no event type {event_type!r} in the list</source>
        <translation>no hay tipo de evento {event_type!r} en la lista</translation>
    </message>
    <message>
        <source>Reading the audit trail…</source>
        <translation>Leyendo el registro de auditoría…</translation>
    </message>
    <message>
        <source>The audit trail could not be read ({exc}).</source>
        <translation>No se pudo leer el registro de auditoría ({exc}).</translation>
    </message>
    <message>
        <source>No events match. Try other dates, another user or all events.</source>
        <translation>Ningún evento coincide. Pruebe otras fechas, otro usuario o todos los eventos.</translation>
    </message>
    <message>
        <source>The latest {events} events that match. Choose fewer days, a user or an event type to see older ones.</source>
        <translation>Los {events} eventos más recientes que coinciden. Elija menos días, un usuario o un tipo de evento para ver los anteriores.</translation>
    </message>
    <message>
        <source>event matches</source>
        <translation>evento coincide</translation>
    </message>
    <message>
        <source>events match</source>
        <translation>eventos coinciden</translation>
    </message>
    <message>
        <source>{events} {plural}, latest first.</source>
        <translation>{events} {plural}, lo más reciente primero.</translation>
    </message>
</context>
<context>
    <name>auth</name>
    <message>
        <source>The user id or password is not right.</source>
        <translation>El usuario o la contraseña no son correctos.</translation>
    </message>
    <message>
        <source>This user is disabled. See an administrator.</source>
        <translation>Este usuario está desactivado. Consulte a un administrador.</translation>
    </message>
    <message>
        <source>This user was not used for {days} days and is now disabled. See an administrator.</source>
        <translation>Este usuario no se usó durante {days} días y ahora está desactivado. Consulte a un administrador.</translation>
    </message>
    <message>
        <source>This user is locked until {until} after too many failed sign-ins. An administrator can unlock it.</source>
        <translation>Este usuario está bloqueado hasta las {until} por demasiados intentos fallidos de inicio de sesión. Un administrador puede desbloquearlo.</translation>
    </message>
    <message>
        <source>{wrong} This user is now locked until {until} after too many failed sign-ins. An administrator can unlock it.</source>
        <translation>{wrong} Este usuario queda bloqueado hasta las {until} por demasiados intentos fallidos de inicio de sesión. Un administrador puede desbloquearlo.</translation>
    </message>
    <message>
        <source>This user was changed at another station just now. Type the password again.</source>
        <translation>Este usuario se cambió en otra estación hace un momento. Escriba la contraseña de nuevo.</translation>
    </message>
    <message>
        <source>Only {user_id} or a supervisor can unlock this station.</source>
        <translation>Solo {user_id} o un supervisor pueden desbloquear esta estación.</translation>
    </message>
    <message>
        <source>The new password must differ from your last {keep} passwords. Choose another.</source>
        <translation>La contraseña nueva debe ser distinta de sus últimas {keep} contraseñas. Elija otra.</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>Copying the database</source>
        <translation>Copiando la base de datos</translation>
    </message>
    <message>
        <source>Checking the copy</source>
        <translation>Revisando la copia</translation>
    </message>
    <message>
        <source>Backed up to {path} ({size:,} bytes, schema {revision}, {audit_events:,} audit events, sha256 {sha256}); the copy checks out.</source>
        <translation>Copia de seguridad hecha en {path} ({size:,} bytes, esquema {revision}, {audit_events:,} eventos de auditoría, sha256 {sha256}); la copia pasa la revisión.</translation>
    </message>
    <message>
        <source>Removed {removed} older automatic backup(s) beyond the ones kept.</source>
        <translation>Se borraron {removed} copias automáticas anteriores más allá de las que se conservan.</translation>
    </message>
    <message>
        <source>cashdesk backs up SQLite database files; back up a server database with its own tools.</source>
        <translation>cashdesk hace copias de seguridad de archivos de base de datos SQLite; haga la copia de una base de datos de servidor con sus propias herramientas.</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>No existe el archivo {path}.</translation>
    </message>
    <message>
        <source>{path} cannot be opened ({exc}).</source>
        <translation>{path} no se puede abrir ({exc}).</translation>
    </message>
    <message>
        <source>{path} is not a database or it is damaged ({exc}).</source>
        <translation>{path} no es una base de datos o está dañado ({exc}).</translation>
    </message>
    <message>
        <source>{path} is damaged: {rows}.</source>
        <translation>{path} está dañado: {rows}.</translation>
    </message>
    <message>
        <source>{path} is an SQLite file but not a cashdesk database.</source>
        <translation>{path} es un archivo SQLite, pero no una base de datos de cashdesk.</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of cashdesk (schema {revision}); this version cannot use it.</source>
        <translation>{path} fue creado por una versión más reciente de cashdesk (esquema {revision}); esta versión no puede usarlo.</translation>
    </message>
    <message>
        <source>{path}: the audit trail is missing.</source>
        <translation>{path}: falta el registro de auditoría.</translation>
    </message>
    <message>
        <source>{path}: the audit trail cannot be read ({exc}).</source>
        <translation>{path}: no se puede leer el registro de auditoría ({exc}).</translation>
    </message>
    <message>
        <source>{path}: the audit trail does not verify ({problem}).</source>
        <translation>{path}: el registro de auditoría no pasa la verificación ({problem}).</translation>
    </message>
    <message>
        <source>Not backed up: {target_name} ends in {suffix}, the name SQLite gives a file it keeps beside a database and deletes or rewrites by itself, so the backup would not last. Choose another name, like cashdesk-backup.sqlite3.</source>
        <translation>No se hizo la copia: {target_name} termina en {suffix}, el nombre que SQLite da a un archivo que guarda junto a una base de datos y que borra o reescribe por su cuenta, así que la copia no duraría. Elija otro nombre, como cashdesk-backup.sqlite3.</translation>
    </message>
    <message>
        <source>Could not make the folder {parent}: {strerror}.</source>
        <translation>No se pudo crear la carpeta {parent}: {strerror}.</translation>
    </message>
    <message>
        <source>The backup did not check out and was not kept: {problem}</source>
        <translation>La copia de seguridad no pasó la revisión y no se guardó: {problem}</translation>
    </message>
    <message>
        <source>Could not write the backup {target}: {strerror}. Nothing was changed; free some space or choose another place.</source>
        <translation>No se pudo escribir la copia de seguridad {target}: {strerror}. No se cambió nada; libere espacio o elija otro lugar.</translation>
    </message>
    <message>
        <source>Could not write the backup {target}: {exc}. Nothing was changed.</source>
        <translation>No se pudo escribir la copia de seguridad {target}: {exc}. No se cambió nada.</translation>
    </message>
    <message>
        <source>back up the database</source>
        <translation>hacer una copia de seguridad de la base de datos</translation>
    </message>
    <message>
        <source>A backup cannot be written over the database itself. Choose another file.</source>
        <translation>Una copia de seguridad no se puede escribir sobre la propia base de datos. Elija otro archivo.</translation>
    </message>
    <message>
        <source>Backed up to {path}.</source>
        <translation>Copia de seguridad hecha en {path}.</translation>
    </message>
    <message>
        <source>The automatic backup failed: {problem} The day stays closed; take a backup by hand (cashdesk backup).</source>
        <translation>La copia de seguridad automática falló: {problem} El día sigue cerrado; haga una copia de seguridad a mano (cashdesk backup).</translation>
    </message>
    <message>
        <source>Could not write the backup {target}: {exc}.</source>
        <translation>No se pudo escribir la copia de seguridad {target}: {exc}.</translation>
    </message>
</context>
<context>
    <name>backup_progress</name>
    <message>
        <source>Backing up to {target}…</source>
        <translation>Haciendo la copia de seguridad en {target}…</translation>
    </message>
    <message>
        <source>Backing up to {target}: {stage}…</source>
        <translation>Haciendo la copia de seguridad en {target}: {stage}…</translation>
    </message>
</context>
<context>
    <name>balancing</name>
    <message>
        <source>Over {amount}</source>
        <translation>Sobrante {amount}</translation>
    </message>
    <message>
        <source>Short {amount}</source>
        <translation>Faltante {amount}</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>Cuadrado</translation>
    </message>
    <message>
        <source>An extra item is a check or a money order, not {kind!r}.</source>
        <translation>Un elemento adicional es un cheque o un giro postal, no {kind!r}.</translation>
    </message>
    <message>
        <source>The float to keep has more {short} than were counted. Keep only pieces that are in the drawer.</source>
        <translation>El fondo de caja que se queda tiene más {short} de lo que se contó. Deje solo piezas que estén en el cajón.</translation>
    </message>
    <message>
        <source>see the checks in a drawer</source>
        <translation>ver los cheques de un cajón</translation>
    </message>
    <message>
        <source>There is no drawer {drawer_id}.</source>
        <translation>No existe el cajón {drawer_id}.</translation>
    </message>
    <message>
        <source>Drawer {drawer_id} is {cashier}&apos;s: only a supervisor may see its items.</source>
        <translation>El cajón {drawer_id} es de {cashier}: solo un supervisor puede ver sus elementos.</translation>
    </message>
    <message>
        <source>Count the cash by denomination.</source>
        <translation>Cuente el efectivo por denominación.</translation>
    </message>
    <message>
        <source>The card settlement total cannot be negative.</source>
        <translation>El total de liquidación de tarjetas no puede ser negativo.</translation>
    </message>
    <message>
        <source>An extra item is a check or a money order.</source>
        <translation>Un elemento adicional es un cheque o un giro postal.</translation>
    </message>
    <message>
        <source>An extra item must be more than $0.00.</source>
        <translation>Un elemento adicional debe ser mayor que $0.00.</translation>
    </message>
    <message>
        <source>Never type a card number. Give the check or money order number.</source>
        <translation>Nunca escriba un número de tarjeta. Indique el número del cheque o del giro postal.</translation>
    </message>
    <message>
        <source>A check or money order number is at most 20 characters.</source>
        <translation>Un número de cheque o de giro postal tiene como máximo 20 caracteres.</translation>
    </message>
    <message>
        <source>An item ticked present is not among this drawer&apos;s checks and money orders. Start the count again.</source>
        <translation>Un elemento marcado como presente no está entre los cheques y giros postales de este cajón. Empiece el conteo de nuevo.</translation>
    </message>
    <message>
        <source>count a drawer</source>
        <translation>contar un cajón</translation>
    </message>
    <message>
        <source>have a drawer counted</source>
        <translation>hacer contar un cajón</translation>
    </message>
    <message>
        <source>{approved_by} may not make a second count. A supervisor must.</source>
        <translation>{approved_by} no puede hacer un segundo conteo. Debe hacerlo un supervisor.</translation>
    </message>
    <message>
        <source>That count is not a count of your open drawer. Count the drawer first.</source>
        <translation>Ese conteo no es un conteo de su cajón abierto. Cuente primero el cajón.</translation>
    </message>
    <message>
        <source>The drawer was counted again since: finish with the latest count.</source>
        <translation>El cajón se volvió a contar desde entonces: termine con el conteo más reciente.</translation>
    </message>
    <message>
        <source>Money moved in this drawer after the count (a payment, void, drop or paid-out): count the drawer again (Recount) before closing it.</source>
        <translation>Se movió dinero en este cajón después del conteo (un pago, una anulación, un retiro o un pago de caja): cuente el cajón de nuevo (Recontar) antes de cerrarlo.</translation>
    </message>
    <message>
        <source>That second count is not a supervisor&apos;s count of this drawer.</source>
        <translation>Ese segundo conteo no es un conteo de un supervisor sobre este cajón.</translation>
    </message>
    <message>
        <source>The drawer is {said}, beyond the limit of {limit}: give the reason and ask a supervisor to approve.</source>
        <translation>El cajón tiene {said}, por encima del límite de {limit}: indique el motivo y pida a un supervisor que lo apruebe.</translation>
    </message>
    <message>
        <source>Keep the reason under 200 characters.</source>
        <translation>Escriba el motivo en menos de 200 caracteres.</translation>
    </message>
    <message>
        <source>Never type a card number. Give the reason in words.</source>
        <translation>Nunca escriba un número de tarjeta. Escriba el motivo con palabras.</translation>
    </message>
    <message>
        <source>close a drawer</source>
        <translation>cerrar un cajón</translation>
    </message>
    <message>
        <source>Count the float to keep by denomination.</source>
        <translation>Cuente por denominación el fondo de caja que se queda.</translation>
    </message>
</context>
<context>
    <name>balancing_entry</name>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Cheque</translation>
    </message>
    <message>
        <source>Money order</source>
        <translation>Giro postal</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source> from {payer}</source>
        <translation> de {payer}</translation>
    </message>
    <message>
        <source>{kind} #{number}{payer}, {amount} (receipt {receipt_number})</source>
        <translation>{kind} n.º {number}{payer}, {amount} (recibo {receipt_number})</translation>
    </message>
    <message>
        <source>MISSING: {item_text} is not in the drawer.</source>
        <translation>FALTA: {item_text} no está en el cajón.</translation>
    </message>
    <message>
        <source>EXTRA: {extra_text} is in the drawer but was not recorded.</source>
        <translation>SOBRA: {extra_text} está en el cajón pero no se registró.</translation>
    </message>
    <message>
        <source>CARD: the terminal&apos;s settlement ({counted}) differs from the card payments recorded ({expected}): {over_short_text}.</source>
        <translation>TARJETA: el cierre de la terminal ({counted}) no coincide con los pagos con tarjeta registrados ({expected}): {over_short_text}.</translation>
    </message>
    <message>
        <source>Count the cash in the drawer</source>
        <translation>Cuente el efectivo del cajón</translation>
    </message>
    <message>
        <source>A blind count: count every bill, coin and roll and type how many of each (an empty row counts as none). What the drawer should hold is shown only after the count is recorded. Enter goes to the next row; Enter on the last row goes on to the checks and money orders.</source>
        <translation>Un conteo a ciegas: cuente cada billete, moneda y cartucho y escriba cuántos hay de cada uno (una fila vacía cuenta como ninguno). Lo que debería haber en el cajón se muestra solo después de registrar el conteo. Intro va a la fila siguiente; Intro en la última fila pasa a los cheques y giros postales.</translation>
    </message>
    <message>
        <source>Cash counted</source>
        <translation>Efectivo contado</translation>
    </message>
    <message>
        <source>Second count by {by} (supervisor)</source>
        <translation>Segundo conteo de {by} (supervisor)</translation>
    </message>
    <message>
        <source>Counted by {by}</source>
        <translation>Contado por {by}</translation>
    </message>
    <message>
        <source>Nothing was counted. Type the pieces in the drawer, or press Enter again to go on with no cash ($0.00).</source>
        <translation>No se contó nada. Escriba las piezas del cajón, o pulse Intro otra vez para seguir sin efectivo ($0.00).</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Presente</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <source>Checks and money orders</source>
        <translation>Cheques y giros postales</translation>
    </message>
    <message>
        <source>Tick each check and money order that is in the drawer: ↑ ↓ move, Space ticks. An item in the drawer that is not on the list: type it under &quot;Item found&quot; and Enter. Enter on the list goes on.</source>
        <translation>Marque cada cheque y giro postal que esté en el cajón: ↑ ↓ se mueven, Espacio marca. Una pieza del cajón que no está en la lista: escríbala en &quot;Pieza encontrada&quot; e Intro. Intro en la lista sigue adelante.</translation>
    </message>
    <message>
        <source>No checks or money orders were taken in this drawer.</source>
        <translation>Este cajón no recibió cheques ni giros postales.</translation>
    </message>
    <message>
        <source>A&amp;dd the item found</source>
        <translation>&amp;Añadir la pieza encontrada</translation>
    </message>
    <message>
        <source>&amp;Item found:</source>
        <translation>&amp;Pieza encontrada:</translation>
    </message>
    <message>
        <source>The checks and money orders could not be listed ({exc}). Call your supervisor.</source>
        <translation>No se pudieron listar los cheques y giros postales ({exc}). Llame a su supervisor.</translation>
    </message>
    <message>
        <source>{present} of {items} ticked present.</source>
        <translation>{present} de {items} marcados como presentes.</translation>
    </message>
    <message>
        <source>Type the number of the item found (printed on the check or money order).</source>
        <translation>Escriba el número de la pieza encontrada (impreso en el cheque o giro postal).</translation>
    </message>
    <message>
        <source>Added: {extra_text}. It shows as extra on the summary.</source>
        <translation>Añadido: {extra_text}. Aparece como sobrante en el resumen.</translation>
    </message>
    <message>
        <source>Finish the item found first: its number and amount, then Enter (or clear them).</source>
        <translation>Termine primero la pieza encontrada: su número e importe, luego Intro (o bórrelos).</translation>
    </message>
    <message>
        <source>Card terminal settlement</source>
        <translation>Cierre de la terminal de tarjetas</translation>
    </message>
    <message>
        <source>Settle the batch on the card terminal and type the total it prints (0 when no card was taken). Enter records your count and shows the summary.</source>
        <translation>Cierre el lote en la terminal de tarjetas y escriba el total que imprime (0 si no se cobró con tarjeta). Intro registra su conteo y muestra el resumen.</translation>
    </message>
    <message>
        <source>Settlement &amp;total:</source>
        <translation>&amp;Total del cierre:</translation>
    </message>
</context>
<context>
    <name>balancing_result</name>
    <message>
        <source>Give the reason for the variance, or recount (Alt+R).</source>
        <translation>Indique el motivo de la diferencia, o vuelva a contar (Alt+R).</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>Forma de pago</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Contado</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Summary: expected and counted</source>
        <translation>Resumen: esperado y contado</translation>
    </message>
    <message>
        <source>For example: gave $10 too much change to a customer</source>
        <translation>Por ejemplo: di $10 de más de cambio a un cliente</translation>
    </message>
    <message>
        <source>R&amp;eason for the variance:</source>
        <translation>Mo&amp;tivo de la diferencia:</translation>
    </message>
    <message>
        <source>&amp;Recount</source>
        <translation>&amp;Recontar</translation>
    </message>
    <message>
        <source>Second count by a &amp;supervisor…</source>
        <translation>&amp;Segundo conteo por un supervisor…</translation>
    </message>
    <message>
        <source>Drawer {drawer_id}: attempt {attempt}, counted by {counted_by}.</source>
        <translation>Cajón {drawer_id}: intento {attempt}, contado por {counted_by}.</translation>
    </message>
    <message>
        <source>Second count by {counted_by} (supervisor), attempt {attempt}: {over_short_text}</source>
        <translation>Segundo conteo de {counted_by} (supervisor), intento {attempt}: {over_short_text}</translation>
    </message>
    <message>
        <source>{over_short_text} is beyond the limit of {limit}: recount (Alt+R), or give the reason and a supervisor approves it when you go on.</source>
        <translation>{over_short_text} supera el límite de {limit}: vuelva a contar (Alt+R), o indique el motivo y un supervisor lo aprueba al seguir.</translation>
    </message>
    <message>
        <source>Within the limit of {limit}. Enter goes on to the float.</source>
        <translation>Dentro del límite de {limit}. Intro pasa al fondo de caja.</translation>
    </message>
    <message>
        <source>The float to keep for the next shift</source>
        <translation>El fondo de caja para el próximo turno</translation>
    </message>
    <message>
        <source>These pieces stay in the drawer for the next shift; the rest of the cash goes to the deposit. Enter closes the drawer with this float. Alt+K goes to the rows to change it.</source>
        <translation>Estas piezas se quedan en el cajón para el próximo turno; el resto del efectivo va al depósito. Intro cierra el cajón con este fondo. Alt+K va a las filas para cambiarlo.</translation>
    </message>
    <message>
        <source>Float to keep</source>
        <translation>Fondo que se queda</translation>
    </message>
    <message>
        <source>Change the float to &amp;keep (first row: $100 bills):</source>
        <translation>Cambie el fondo que se &amp;queda (primera fila: billetes de $100):</translation>
    </message>
    <message>
        <source>To the deposit: —</source>
        <translation>Al depósito: —</translation>
    </message>
    <message>
        <source>Cash to the deposit: {value1}</source>
        <translation>Efectivo al depósito: {value1}</translation>
    </message>
    <message>
        <source>{label}: {keep:,} to keep, but {have:,} counted. Keep only pieces that are in the drawer.</source>
        <translation>{label}: {keep:,} para dejar, pero se contaron {have:,}. Deje solo piezas que estén en el cajón.</translation>
    </message>
    <message>
        <source>The drawer is closed</source>
        <translation>El cajón está cerrado</translation>
    </message>
    <message>
        <source>Save the PDF &amp;again</source>
        <translation>Guardar el PDF &amp;otra vez</translation>
    </message>
    <message>
        <source>Drawer {drawer_id} is closed: it takes no more payments. Float kept for the next shift: {float_kept}; cash to the deposit: {deposit_cash}.
The Z report was sent to the receipt printer.</source>
        <translation>El cajón {drawer_id} está cerrado: no recibe más pagos. Fondo para el próximo turno: {float_kept}; efectivo al depósito: {deposit_cash}.
El informe Z se envió a la impresora de recibos.</translation>
    </message>
    <message>
        <source>A PDF copy of the Z report is saved: {pdf}</source>
        <translation>Se guardó una copia en PDF del informe Z: {pdf}</translation>
    </message>
    <message>
        <source>The PDF copy of the Z report could not be saved{why}. The drawer is closed all the same: Save the PDF again (Alt+A), or call your supervisor.</source>
        <translation>No se pudo guardar la copia en PDF del informe Z{why}. El cajón está cerrado de todos modos: guarde el PDF otra vez (Alt+A), o llame a su supervisor.</translation>
    </message>
</context>
<context>
    <name>balancing_wizard</name>
    <message>
        <source>Balance drawer {drawer_id} — end of shift</source>
        <translation>Cuadrar el cajón {drawer_id} — fin de turno</translation>
    </message>
    <message>
        <source>&amp;Close the drawer</source>
        <translation>&amp;Cerrar el cajón</translation>
    </message>
    <message>
        <source>The count could not be recorded ({exc}). Try again, or call your supervisor.</source>
        <translation>No se pudo registrar el conteo ({exc}). Inténtelo otra vez, o llame a su supervisor.</translation>
    </message>
    <message>
        <source>drawer {drawer_id}</source>
        <translation>cajón {drawer_id}</translation>
    </message>
    <message>
        <source>{label}: not approved, nothing done.</source>
        <translation>{label}: no aprobado, no se hizo nada.</translation>
    </message>
    <message>
        <source>The drawer could not be closed ({exc}). It is still open: try again, or call your supervisor.</source>
        <translation>No se pudo cerrar el cajón ({exc}). Sigue abierto: inténtelo otra vez, o llame a su supervisor.</translation>
    </message>
    <message>
        <source>Stop balancing?</source>
        <translation>¿Dejar de cuadrar?</translation>
    </message>
    <message>
        <source>Stop balancing the drawer? What you typed is dropped (counts already recorded stay on record) and the drawer stays open.</source>
        <translation>¿Dejar de cuadrar el cajón? Lo que escribió se descarta (los conteos ya registrados quedan constando) y el cajón sigue abierto.</translation>
    </message>
    <message>
        <source>Y: yes, stop.  N: no, go on counting.</source>
        <translation>Y: sí, parar.  N: no, seguir contando.</translation>
    </message>
</context>
<context>
    <name>bulk</name>
    <message>
        <source>row {row} -&gt; {parent}</source>
        <translation>fila {row} -&gt; {parent}</translation>
    </message>
    <message>
        <source>The load was refused and nothing was written: {table} refers to rows that do not exist ({rows}).</source>
        <translation>La carga se rechazó y no se escribió nada: {table} hace referencia a filas que no existen ({rows}).</translation>
    </message>
    <message>
        <source>Bulk loading is only available for SQLite database files.</source>
        <translation>La carga masiva solo está disponible para archivos de base de datos SQLite.</translation>
    </message>
</context>
<context>
    <name>business_day</name>
    <message>
        <source>The business day {day:%Y-%m-%d} is closed: it takes no more postings.</source>
        <translation>El día contable {day:%Y-%m-%d} está cerrado: no acepta más registros.</translation>
    </message>
    <message>
        <source>The office has closed the business day {day:%Y-%m-%d} ({by}, at {at}): it takes no more postings here. Nothing was written.</source>
        <translation>La oficina cerró el día contable {day:%Y-%m-%d} ({by}, a las {at}): aquí ya no acepta más registros. No se escribió nada.</translation>
    </message>
    <message>
        <source>it holds payments, drops or paid-outs of that day</source>
        <translation>tiene pagos, retiros o pagos de caja de ese día</translation>
    </message>
    <message>
        <source>its count is {amount} over</source>
        <translation>su conteo tiene un sobrante de {amount}</translation>
    </message>
    <message>
        <source>its count is {amount} short</source>
        <translation>su conteo tiene un faltante de {amount}</translation>
    </message>
    <message>
        <source>{amount} of it would go to that day&apos;s deposit</source>
        <translation>{amount} de él irían al depósito de ese día</translation>
    </message>
    <message>
        <source>The office has closed drawer {drawer}&apos;s business day {day:%Y-%m-%d} ({by}, at {at}) and {why}: balancing it would change that day after its close, so nothing was written. Keep the drawer&apos;s money apart and call the office&apos;s supervisor: the office&apos;s day must be reopened before this drawer is balanced.</source>
        <translation>La oficina cerró el día contable {day:%Y-%m-%d} del cajón {drawer} ({by}, a las {at}) y {why}: cuadrarlo cambiaría ese día después de su cierre, así que no se escribió nada. Guarde aparte el dinero del cajón y llame al supervisor de la oficina: hay que reabrir el día de la oficina antes de cuadrar este cajón.</translation>
    </message>
</context>
<context>
    <name>cart</name>
    <message>
        <source>Account {number} — {name}</source>
        <translation>Cuenta {number} — {name}</translation>
    </message>
    <message>
        <source> (credit {excess})</source>
        <translation> (crédito {excess})</translation>
    </message>
</context>
<context>
    <name>cash</name>
    <message>
        <source>$100 bills</source>
        <translation>Billetes de $100</translation>
    </message>
    <message>
        <source>$50 bills</source>
        <translation>Billetes de $50</translation>
    </message>
    <message>
        <source>$20 bills</source>
        <translation>Billetes de $20</translation>
    </message>
    <message>
        <source>$10 bills</source>
        <translation>Billetes de $10</translation>
    </message>
    <message>
        <source>$5 bills</source>
        <translation>Billetes de $5</translation>
    </message>
    <message>
        <source>$2 bills</source>
        <translation>Billetes de $2</translation>
    </message>
    <message>
        <source>$1 bills</source>
        <translation>Billetes de $1</translation>
    </message>
    <message>
        <source>$1 coins</source>
        <translation>Monedas de $1</translation>
    </message>
    <message>
        <source>50¢ coins</source>
        <translation>Monedas de 50¢</translation>
    </message>
    <message>
        <source>25¢ coins</source>
        <translation>Monedas de 25¢</translation>
    </message>
    <message>
        <source>10¢ coins</source>
        <translation>Monedas de 10¢</translation>
    </message>
    <message>
        <source>5¢ coins</source>
        <translation>Monedas de 5¢</translation>
    </message>
    <message>
        <source>1¢ coins</source>
        <translation>Monedas de 1¢</translation>
    </message>
    <message>
        <source>Rolls of quarters ($10)</source>
        <translation>Rollos de monedas de 25¢ ($10)</translation>
    </message>
    <message>
        <source>Rolls of dimes ($5)</source>
        <translation>Rollos de monedas de 10¢ ($5)</translation>
    </message>
    <message>
        <source>Rolls of nickels ($2)</source>
        <translation>Rollos de monedas de 5¢ ($2)</translation>
    </message>
    <message>
        <source>Rolls of pennies (50¢)</source>
        <translation>Rollos de monedas de 1¢ (50¢)</translation>
    </message>
    <message>
        <source>{label}: type how many, as a whole number (like 12).</source>
        <translation>{label}: escriba cuántos, como número entero (como 12).</translation>
    </message>
    <message>
        <source>{label}: {pieces:,} is more than a drawer can hold. Count again.</source>
        <translation>{label}: {pieces:,} es más de lo que cabe en un cajón. Cuente de nuevo.</translation>
    </message>
    <message>
        <source>unknown denomination {code!r}</source>
        <translation>denominación desconocida {code!r}</translation>
    </message>
    <message>
        <source>{label}: a count is a whole number from 0 to {MAX_PIECES:,}.</source>
        <translation>{label}: un conteo es un número entero de 0 a {MAX_PIECES:,}.</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>On this receipt</source>
        <translation>En este recibo</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>Forma de pago</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Items / tape</source>
        <translation>Piezas / cinta</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Tape total</source>
        <translation>Total de la cinta</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Check no.</source>
        <translation>N.º de cheque</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <source>Look at</source>
        <translation>Revisar</translation>
    </message>
    <message>
        <source>Service address</source>
        <translation>Dirección de servicio</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Negocio</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Declara</translation>
    </message>
    <message>
        <source>Periods with no return</source>
        <translation>Periodos sin declaración</translation>
    </message>
    <message>
        <source>Oldest due</source>
        <translation>Vencimiento más antiguo</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Faltan</translation>
    </message>
</context>
<context>
    <name>config</name>
    <message>
        <source>unknown setting {key!r}. Known settings: {known}.</source>
        <translation>configuración desconocida {key!r}. Configuraciones conocidas: {known}.</translation>
    </message>
    <message>
        <source>{key} must be {kind}, not {value}.</source>
        <translation>{key} debe ser {kind}, no {value}.</translation>
    </message>
    <message>
        <source>{key}: {problem}.</source>
        <translation>{key}: {problem}.</translation>
    </message>
    <message>
        <source>{path} is not valid TOML: it is not saved as UTF-8 text. Save it as UTF-8 (plain text) or remove it.</source>
        <translation>{path} no es TOML válido: no está guardado como texto UTF-8. Guárdelo como UTF-8 (texto sin formato) o elimínelo.</translation>
    </message>
    <message>
        <source>{path} is not valid TOML: {said}. Fix the file or remove it.</source>
        <translation>{path} no es TOML válido: {said}. Corrija el archivo o elimínelo.</translation>
    </message>
    <message>
        <source>{path} line {line}: </source>
        <translation>{path} línea {line}: </translation>
    </message>
    <message>
        <source>{key} is not a setting the window can write.</source>
        <translation>{key} no es una configuración que la ventana pueda escribir.</translation>
    </message>
    <message>
        <source>{path} line {line}: write {key} on a line of its own to let the window change it.</source>
        <translation>{path} línea {line}: escriba {key} en una línea propia para que la ventana pueda cambiarlo.</translation>
    </message>
    <message>
        <source>{path} could not take {key}: {reason}.</source>
        <translation>{path} no pudo recibir {key}: {reason}.</translation>
    </message>
    <message>
        <source>{path} could not take {key}: write it on a line of its own.</source>
        <translation>{path} no pudo recibir {key}: escríbalo en una línea propia.</translation>
    </message>
    <message>
        <source>a whole number (like 50)</source>
        <translation>un número entero (como 50)</translation>
    </message>
    <message>
        <source>text in quotes (like &quot;W01&quot;)</source>
        <translation>texto entre comillas (como &quot;W01&quot;)</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true o false</translation>
    </message>
    <message>
        <source>a list in brackets (like [&quot;City Clerk&quot;, &quot;Sales Tax&quot;])</source>
        <translation>una lista entre corchetes (como [&quot;City Clerk&quot;, &quot;Sales Tax&quot;])</translation>
    </message>
    <message>
        <source>a table (like { WATER = 10 })</source>
        <translation>una tabla (como { WATER = 10 })</translation>
    </message>
    <message>
        <source>the text &quot;{text}&quot;</source>
        <translation>el texto &quot;{text}&quot;</translation>
    </message>
    <message>
        <source>the number {number} (with a decimal point)</source>
        <translation>el número {number} (con punto decimal)</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>una tabla</translation>
    </message>
    <message>
        <source>the number {number}</source>
        <translation>el número {number}</translation>
    </message>
    <message>
        <source>a date or time</source>
        <translation>una fecha u hora</translation>
    </message>
</context>
<context>
    <name>context</name>
    <message>
        <source>{user_id} ({role_label}) may not {doing}. Ask a supervisor or administrator.</source>
        <translation>{user_id} ({role_label}) no puede {doing}. Pida ayuda a un supervisor o administrador.</translation>
    </message>
</context>
<context>
    <name>counter</name>
    <message>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Tendered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Still to pay</source>
        <translation>Falta por pagar</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>No drawer open</source>
        <translation>Ningún cajón abierto</translation>
    </message>
    <message>
        <source>Drawer {id} · float {opening_float}</source>
        <translation>Cajón {id} · fondo {opening_float}</translation>
    </message>
    <message>
        <source>in {name}</source>
        <translation>en {name}</translation>
    </message>
    <message>
        <source>in {name} (this receipt)</source>
        <translation>en {name} (este recibo)</translation>
    </message>
    <message>
        <source>This receipt prints in {name}. {key} again to change it back.</source>
        <translation>Este recibo se imprime en {name}. {key} otra vez para volver al anterior.</translation>
    </message>
    <message>
        <source>{label}: not approved, nothing done.</source>
        <translation>{label}: no aprobado, no se hizo nada.</translation>
    </message>
</context>
<context>
    <name>counter_extras</name>
    <message>
        <source>Returned NSF</source>
        <translation>Devuelto por fondos insuficientes</translation>
    </message>
    <message>
        <source>Check #{check_number} on {receipt}: {amount} is owed again on account {account}, NSF fee {fee} added</source>
        <translation>Cheque n.º {check_number} del {receipt}: la cuenta {account} vuelve a deber {amount}, se añade el cargo por cheque devuelto de {fee}</translation>
    </message>
    <message>
        <source>; cash only until {cash_only_until:%m/%d/%Y}</source>
        <translation>; solo efectivo hasta el {cash_only_until:%m/%d/%Y}</translation>
    </message>
    <message>
        <source> Enter moves on; Esc cancels.</source>
        <translation> Intro avanza; Esc cancela.</translation>
    </message>
    <message>
        <source>{what}{what2} could not be done ({{exc}}). Call your supervisor.</source>
        <translation>No se pudo completar: {what}{what2} ({{exc}}). Llame a su supervisor.</translation>
    </message>
    <message>
        <source>Returned check (NSF)</source>
        <translation>Cheque devuelto (sin fondos)</translation>
    </message>
    <message>
        <source>The check&apos;s amount is owed again on the accounts it paid, the NSF fee is added and the account takes only cash for a while.</source>
        <translation>Las cuentas que pagó el cheque vuelven a deber su importe, se añade el cargo por cheque devuelto y la cuenta solo acepta efectivo durante un tiempo.</translation>
    </message>
    <message>
        <source>Recor&amp;d</source>
        <translation>Regis&amp;trar</translation>
    </message>
    <message>
        <source>&amp;Receipt number:</source>
        <translation>Número de &amp;recibo:</translation>
    </message>
    <message>
        <source>Like W01-2026-000123</source>
        <translation>Como W01-2026-000123</translation>
    </message>
    <message>
        <source>&amp;Check number:</source>
        <translation>Número de &amp;cheque:</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>Mo&amp;tivo:</translation>
    </message>
    <message>
        <source>Type the receipt number the check paid (it is printed under the city&apos;s name, like W01-2026-000123).</source>
        <translation>Escriba el número del recibo que pagó el cheque (está impreso bajo el nombre de la ciudad, como W01-2026-000123).</translation>
    </message>
    <message>
        <source>Type the check number (printed on the check, top right).</source>
        <translation>Escriba el número del cheque (impreso en el cheque, arriba a la derecha).</translation>
    </message>
    <message>
        <source>recording the returned check</source>
        <translation>registrar el cheque devuelto</translation>
    </message>
    <message>
        <source>No sale (open drawer)</source>
        <translation>Sin venta (abrir el cajón)</translation>
    </message>
    <message>
        <source>Opens drawer {drawer_id} without a payment. Say why; a supervisor approves, and the drawer opens.</source>
        <translation>Abre el cajón {drawer_id} sin un pago. Diga por qué; un supervisor lo aprueba y el cajón se abre.</translation>
    </message>
    <message>
        <source>&amp;Open the drawer…</source>
        <translation>&amp;Abrir el cajón…</translation>
    </message>
    <message>
        <source>For example: change for the safe</source>
        <translation>Por ejemplo: cambio para la caja fuerte</translation>
    </message>
    <message>
        <source>Say why the drawer is opened without a sale (for example: change for the safe).</source>
        <translation>Diga por qué se abre el cajón sin venta (por ejemplo: cambio para la caja fuerte).</translation>
    </message>
    <message>
        <source>drawer {drawer_id}</source>
        <translation>cajón {drawer_id}</translation>
    </message>
    <message>
        <source>opening the drawer</source>
        <translation>abrir el cajón</translation>
    </message>
    <message>
        <source>Save a PDF copy of a receipt</source>
        <translation>Guardar una copia en PDF de un recibo</translation>
    </message>
    <message>
        <source>The copy is saved in {folder}.</source>
        <translation>La copia se guarda en {folder}.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Type the receipt number (it is printed under the city&apos;s name, like W01-2026-000123).</source>
        <translation>Escriba el número de recibo (está impreso bajo el nombre de la ciudad, como W01-2026-000123).</translation>
    </message>
    <message>
        <source>saving the PDF copy</source>
        <translation>guardar la copia en PDF</translation>
    </message>
</context>
<context>
    <name>counter_lines</name>
    <message>
        <source>Amount from the bill stub.</source>
        <translation>Importe del talón de la factura.</translation>
    </message>
    <message>
        <source>This account is on the receipt already: Enter keeps the new amount.</source>
        <translation>Esta cuenta ya está en el recibo: Intro guarda el importe nuevo.</translation>
    </message>
    <message>
        <source>A receipt holds at most {MAX_LINES} lines. Post this one (F12) and start another.</source>
        <translation>Un recibo admite como máximo {MAX_LINES} líneas. Registre este (F12) y empiece otro.</translation>
    </message>
    <message>
        <source>Account {number} is cash only, and this receipt already has a check, card or money order. Post that one first, or Esc to start over.</source>
        <translation>La cuenta {number} solo acepta efectivo, y este recibo ya tiene un cheque, una tarjeta o un giro postal. Registre ese primero, o Esc para empezar de nuevo.</translation>
    </message>
    <message>
        <source>Account {others_closed} is closed too: one receipt takes one closed account (each needs a supervisor). Post this receipt first.</source>
        <translation>La cuenta {others_closed} también está cerrada: un recibo admite una sola cuenta cerrada (cada una necesita un supervisor). Registre primero este recibo.</translation>
    </message>
    <message>
        <source>Account {number} owes {owed}. Change the amount, Enter adds it.</source>
        <translation>La cuenta {number} debe {owed}. Cambie el importe; Intro lo añade.</translation>
    </message>
    <message>
        <source>More than is owed</source>
        <translation>Más de lo adeudado</translation>
    </message>
    <message>
        <source>{amount} is more than account {number} owes ({owed}).

Keep {excess} as a credit on the account?</source>
        <translation>{amount} es más de lo que debe la cuenta {number} ({owed}).

¿Dejar {excess} como crédito en la cuenta?</translation>
    </message>
    <message>
        <source>Y: yes, keep it as a credit.  N: no, change the amount.</source>
        <translation>Y: sí, dejarlo como crédito.  N: no, cambiar el importe.</translation>
    </message>
    <message>
        <source>Account {number}: {amount}</source>
        <translation>Cuenta {number}: {amount}</translation>
    </message>
    <message>
        <source> (amount changed).</source>
        <translation> (importe cambiado).</translation>
    </message>
    <message>
        <source> added.</source>
        <translation> añadido.</translation>
    </message>
    <message>
        <source> {excess} is kept as a credit.</source>
        <translation> {excess} queda como crédito.</translation>
    </message>
    <message>
        <source> Note: </source>
        <translation> Nota: </translation>
    </message>
    <message>
        <source> Take cash only.</source>
        <translation> Acepte solo efectivo.</translation>
    </message>
    <message>
        <source> A supervisor approves it when you post.</source>
        <translation> Un supervisor lo aprueba al registrar.</translation>
    </message>
    <message>
        <source> Still to pay: {remaining}.</source>
        <translation> Falta por pagar: {remaining}.</translation>
    </message>
    <message>
        <source>Removed: {what}, {amount}.</source>
        <translation>Quitado: {what}, {amount}.</translation>
    </message>
    <message>
        <source>The revenue codes could not be read ({exc}). Call your supervisor.</source>
        <translation>No se pudieron leer los códigos de ingreso ({exc}). Llame a su supervisor.</translation>
    </message>
    <message>
        <source>A receipt holds at most {MAX_LINES} lines. Post this one (F12) first.</source>
        <translation>Un recibo admite como máximo {MAX_LINES} líneas. Registre primero este (F12).</translation>
    </message>
    <message>
        <source>{what}: {amount} added. Still to pay: {remaining}.</source>
        <translation>{what}: {amount} añadido. Falta por pagar: {remaining}.</translation>
    </message>
    <message>
        <source>Nothing to pay yet: add an account (scan the stub or search, Enter) or a misc item (F4).</source>
        <translation>Aún no hay nada que pagar: añada una cuenta (escanee el talón o busque, Intro) o un concepto varios (F4).</translation>
    </message>
    <message>
        <source>The receipt is paid in full. F12 posts it.</source>
        <translation>El recibo está pagado por completo. F12 lo registra.</translation>
    </message>
    <message>
        <source>Account {cash_only} is cash only: no {label}. Take cash (F5).</source>
        <translation>La cuenta {cash_only} solo acepta efectivo: sin {label}. Cobre en efectivo (F5).</translation>
    </message>
    <message>
        <source>Account {cash_only_accounts} is cash only. Esc, then F5 for cash.</source>
        <translation>La cuenta {cash_only_accounts} solo acepta efectivo. Esc, luego F5 para efectivo.</translation>
    </message>
    <message>
        <source>A {label} can be for at most {most}: change is given only from cash.</source>
        <translation>Un pago con {label} no puede pasar de {most}: el cambio solo se da del efectivo.</translation>
    </message>
    <message>
        <source>{applied} Still to pay: {remaining} (F5 cash, F6 check, F7 card, F8 money order).</source>
        <translation>{applied} Falta por pagar: {remaining} (F5 efectivo, F6 cheque, F7 tarjeta, F8 giro postal).</translation>
    </message>
    <message>
        <source>{applied} Change due: {change}. F12 posts the receipt.</source>
        <translation>{applied} Cambio a devolver: {change}. F12 registra el recibo.</translation>
    </message>
    <message>
        <source>{applied} Paid in full. F12 posts the receipt.</source>
        <translation>{applied} Pagado por completo. F12 registra el recibo.</translation>
    </message>
    <message>
        <source>Removed: {describe}, {amount}. Still to pay: {remaining}.</source>
        <translation>Quitado: {describe}, {amount}. Falta por pagar: {remaining}.</translation>
    </message>
</context>
<context>
    <name>counter_posting</name>
    <message>
        <source>Nothing to post: the receipt is empty.</source>
        <translation>Nada que registrar: el recibo está vacío.</translation>
    </message>
    <message>
        <source>{remaining} is still to be paid: F5 cash, F6 check, F7 card, F8 money order.</source>
        <translation>Faltan {remaining} por pagar: F5 efectivo, F6 cheque, F7 tarjeta, F8 giro postal.</translation>
    </message>
    <message>
        <source>The payment was not posted ({exc}). Nothing was saved: try F12 again, or call your supervisor.</source>
        <translation>El pago no se registró ({exc}). No se guardó nada: pruebe F12 otra vez, o llame a su supervisor.</translation>
    </message>
    <message>
        <source>Not posted: change the amount for account {account} (Delete its line, then add it again).</source>
        <translation>No registrado: cambie el importe de la cuenta {account} (Supr en su línea y añádala otra vez).</translation>
    </message>
    <message>
        <source>More than is owed</source>
        <translation>Más de lo adeudado</translation>
    </message>
    <message>
        <source>{excess} is more than account {account} owes.

Keep {excess} as a credit on the account?</source>
        <translation>{excess} es más de lo que debe la cuenta {account}.

¿Dejar {excess} como crédito en la cuenta?</translation>
    </message>
    <message>
        <source>Y: yes, keep it as a credit.  N: no, change the amount.</source>
        <translation>Y: sí, dejarlo como crédito.  N: no, cambiar el importe.</translation>
    </message>
    <message>
        <source>Change due</source>
        <translation>Cambio a devolver</translation>
    </message>
    <message>
        <source>No change due</source>
        <translation>Sin cambio</translation>
    </message>
    <message>
        <source>Receipt {number} posted: {total} paid, {tendered} tendered. The receipt is on its way to the printer.</source>
        <translation>Recibo {number} registrado: {total} pagado, {tendered} entregado. El recibo va camino de la impresora.</translation>
    </message>
    <message>
        <source>Posted {number}. Next customer: scan the stub or search.</source>
        <translation>Registrado {number}. Siguiente cliente: escanee el talón o busque.</translation>
    </message>
</context>
<context>
    <name>counter_undo</name>
    <message>
        <source>Tender cancelled.</source>
        <translation>Forma de pago cancelada.</translation>
    </message>
    <message>
        <source>Misc item cancelled.</source>
        <translation>Concepto varios cancelado.</translation>
    </message>
    <message>
        <source>Transaction cancelled: nothing was posted. Hand back anything the customer gave you.</source>
        <translation>Transacción cancelada: no se registró nada. Devuelva al cliente lo que le haya dado.</translation>
    </message>
    <message>
        <source>Cancel this transaction?</source>
        <translation>¿Cancelar esta transacción?</translation>
    </message>
    <message>
        <source>Cancel this transaction? Its {lines} line{value3} and {tenders} tender{value7} are dropped; nothing has been posted.</source>
        <translation>¿Cancelar esta transacción? Se descartan sus líneas ({lines}) y formas de pago ({tenders}); no se ha registrado nada.</translation>
    </message>
    <message>
        <source>Y: yes, cancel it.  N: no, go on with it.</source>
        <translation>Y: sí, cancelarla.  N: no, seguir con ella.</translation>
    </message>
    <message>
        <source>You have not posted a receipt at this station yet: there is nothing to reprint.</source>
        <translation>Aún no ha registrado ningún recibo en esta estación: no hay nada que reimprimir.</translation>
    </message>
    <message>
        <source>{number} was reprinted already: a supervisor approves another copy.</source>
        <translation>{number} ya se reimprimió: un supervisor aprueba otra copia.</translation>
    </message>
    <message>
        <source>The copy could not be printed ({exc}). Call your supervisor.</source>
        <translation>No se pudo imprimir la copia ({exc}). Llame a su supervisor.</translation>
    </message>
    <message>
        <source>A copy of {number} marked REPRINT is printing.</source>
        <translation>Se está imprimiendo una copia de {number} marcada REIMPRESIÓN.</translation>
    </message>
    <message>
        <source>Receipt {number} is void (approved by {approved_by}).{said} The void slip is printing.</source>
        <translation>El recibo {number} está anulado (aprobado por {approved_by}).{said} Se está imprimiendo el comprobante de anulación.</translation>
    </message>
</context>
<context>
    <name>counter_widgets</name>
    <message>
        <source>You can look up accounts. Payments are taken by cashiers and supervisors.</source>
        <translation>Puede consultar cuentas. Los pagos los cobran los cajeros y los supervisores.</translation>
    </message>
    <message>
        <source>Find · scan</source>
        <translation>Buscar · escanear</translation>
    </message>
    <message>
        <source>Pay · add</source>
        <translation>Pagar · añadir</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Misc item</source>
        <translation>Concepto varios</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Cheque</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Money order</source>
        <translation>Giro postal</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>Back · cancel</source>
        <translation>Atrás · cancelar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Reprint last</source>
        <translation>Reimprimir el último</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Anular</translation>
    </message>
    <message>
        <source>No sale</source>
        <translation>Sin venta</translation>
    </message>
    <message>
        <source>PDF copy</source>
        <translation>Copia PDF</translation>
    </message>
    <message>
        <source>Cash drop</source>
        <translation>Retiro de efectivo</translation>
    </message>
    <message>
        <source>Paid-out</source>
        <translation>Pago de caja</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>Informe X</translation>
    </message>
    <message>
        <source>End shift</source>
        <translation>Fin de turno</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>&amp;Amount to pay:</source>
        <translation>&amp;Importe a pagar:</translation>
    </message>
    <message>
        <source>Enter adds it to the receipt (change the amount for a partial payment); F5 adds it and takes cash, F6 a check, F7 a card, F8 a money order. Esc: back.</source>
        <translation>Intro lo añade al recibo (cambie el importe para un pago parcial); F5 lo añade y cobra en efectivo, F6 con cheque, F7 con tarjeta, F8 con giro postal. Esc: atrás.</translation>
    </message>
    <message>
        <source>Pay on account {number} — {name}   (balance {balance})</source>
        <translation>Pago a la cuenta {number} — {name}   (saldo {balance})</translation>
    </message>
    <message>
        <source>A SUPERVISOR APPROVES A PAYMENT ON A CLOSED ACCOUNT</source>
        <translation>UN SUPERVISOR APRUEBA UN PAGO A UNA CUENTA CERRADA</translation>
    </message>
</context>
<context>
    <name>credentials</name>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Type your user id, then press Enter.</source>
        <translation>Escriba su usuario y pulse Intro.</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>Comprobando la contraseña…</translation>
    </message>
    <message>
        <source>Type your user id first.</source>
        <translation>Escriba primero su usuario.</translation>
    </message>
    <message>
        <source>Type the password, then press Enter.</source>
        <translation>Escriba la contraseña y pulse Intro.</translation>
    </message>
</context>
<context>
    <name>day_close</name>
    <message>
        <source>Close the day and export the deposit</source>
        <translation>Cerrar el día y exportar el depósito</translation>
    </message>
    <message>
        <source>Every drawer of the day must be balanced and closed, and every mail batch posted, first. The deposit slip, the deposit file, the GL journal and the posting files are saved in {folder}.</source>
        <translation>Antes, todos los cajones del día deben estar cuadrados y cerrados, y todos los lotes de correo registrados. La ficha de depósito, el archivo del depósito, el diario contable y los archivos de asientos se guardan en {folder}.</translation>
    </message>
    <message>
        <source>Close and e&amp;xport</source>
        <translation>Cerrar y e&amp;xportar</translation>
    </message>
    <message>
        <source>Business &amp;date:</source>
        <translation>&amp;Fecha contable:</translation>
    </message>
    <message>
        <source>Deposit &amp;ticket number:</source>
        <translation>Número de &amp;ficha de depósito:</translation>
    </message>
    <message>
        <source>&amp;Bag number:</source>
        <translation>Número de &amp;bolsa:</translation>
    </message>
    <message>
        <source>Type the business date to close, like 2026-11-26.</source>
        <translation>Escriba la fecha contable que se cierra, como 2026-11-26.</translation>
    </message>
    <message>
        <source>reading the day</source>
        <translation>leer el día</translation>
    </message>
    <message>
        <source>Close the business day</source>
        <translation>Cerrar el día contable</translation>
    </message>
    <message>
        <source>Not closed. Check the day, then Enter on the bag number again.</source>
        <translation>No se cerró. Revise el día y pulse Intro otra vez en el número de bolsa.</translation>
    </message>
    <message>
        <source>closing the day</source>
        <translation>cerrar el día</translation>
    </message>
    <message>
        <source>exporting the deposit</source>
        <translation>exportar el depósito</translation>
    </message>
    <message>
        <source>E&amp;xport again</source>
        <translation>E&amp;xportar otra vez</translation>
    </message>
    <message>
        <source>{day:%A %d %B %Y}</source>
        <translation>{day:%m/%d/%Y}</translation>
    </message>
    <message>
        <source>{day} is closed ({closed_by}).</source>
        <translation>{day} está cerrado ({closed_by}).</translation>
    </message>
    <message>
        <source> Audit anchor {printed}.</source>
        <translation> Ancla de auditoría {printed}.</translation>
    </message>
    <message>
        <source>mail batch {describe}</source>
        <translation>lote de correo {describe}</translation>
    </message>
    <message>
        <source>{day} is open. Still open: </source>
        <translation>{day} está abierto. Aún abiertos: </translation>
    </message>
    <message>
        <source>{day} is open; every drawer is closed and every mail batch posted, so it can be closed.</source>
        <translation>{day} está abierto; todos los cajones están cerrados y todos los lotes de correo registrados, así que se puede cerrar.</translation>
    </message>
    <message>
        <source>Closed drawers: {closed_drawers}.</source>
        <translation>Cajones cerrados: {closed_drawers}.</translation>
    </message>
    <message>
        <source>Receipts: {receipts} for {receipts_total}.</source>
        <translation>Recibos: {receipts} por {receipts_total}.</translation>
    </message>
    <message>
        <source>Over/short: {over_short_words}.</source>
        <translation>Sobrante/faltante: {over_short_words}.</translation>
    </message>
    <message>
        <source>Change fund: {fund}</source>
        <translation>Fondo de cambio: {fund}</translation>
    </message>
    <message>
        <source>Mail batches posted: none.</source>
        <translation>Lotes de correo registrados: ninguno.</translation>
    </message>
    <message>
        <source>Mail batches posted: {posted} for {total} ({join}).</source>
        <translation>Lotes de correo registrados: {posted} por {total} ({join}).</translation>
    </message>
    <message>
        <source> so far</source>
        <translation> hasta ahora</translation>
    </message>
    <message>
        <source>Deposit{so_far}: {deposit_total}, {bank_total} in the bag</source>
        <translation>Depósito{so_far}: {deposit_total}, {bank_total} en la bolsa</translation>
    </message>
    <message>
        <source> and {cards} in card settlements.</source>
        <translation> y {cards} en cierres de tarjeta.</translation>
    </message>
    <message>
        <source>Close the business day {business_date:%A %d %B %Y}? It then takes no more payments and its deposit is exported.</source>
        <translation>¿Cerrar el día contable {business_date:%m/%d/%Y}? Después no recibe más pagos y se exporta su depósito.</translation>
    </message>
    <message>
        <source>Drawers closed: {closed}, over/short: {over_short}.</source>
        <translation>Cajones cerrados: {closed}, sobrante/faltante: {over_short}.</translation>
    </message>
    <message>
        <source>Deposit ticket {ticket}, bag {bag}.</source>
        <translation>Ficha de depósito {ticket}, bolsa {bag}.</translation>
    </message>
    <message>
        <source>Enter or Y: close the day.  Esc: go back.</source>
        <translation>Intro o Y: cerrar el día.  Esc: volver.</translation>
    </message>
    <message>
        <source>station {station}, {cashier}, drawer {drawer}</source>
        <translation>estación {station}, {cashier}, cajón {drawer}</translation>
    </message>
    <message>
        <source>{number} (open, {owner})</source>
        <translation>{number} (abierto, {owner})</translation>
    </message>
    <message>
        <source>{number} (balanced, {owner})</source>
        <translation>{number} (cuadrado, {owner})</translation>
    </message>
    <message>
        <source>{number} (posted, {owner})</source>
        <translation>{number} (registrado, {owner})</translation>
    </message>
    <message>
        <source>The floats counted out on {day} went {beyond} beyond what the change fund held after the close of {since}, {held}: find where that cash came from and make the fund whole.</source>
        <translation>Los fondos de caja entregados el {day} pasaron en {beyond} lo que tenía el fondo de cambio después del cierre del {since}, {held}: averigüe de dónde salió ese efectivo y complete el fondo.</translation>
    </message>
    <message>
        <source>The floats counted out on {day} went {beyond} beyond what the change fund held (its authorised amount), {held}: find where that cash came from and make the fund whole.</source>
        <translation>Los fondos de caja entregados el {day} pasaron en {beyond} lo que tenía el fondo de cambio (su importe autorizado), {held}: averigüe de dónde salió ese efectivo y complete el fondo.</translation>
    </message>
    <message>
        <source>Floats: {opened} opened, {kept} kept: {to_bank} of the floats went to the bank with the deposit (booked against the change fund in the GL journal).</source>
        <translation>Fondos de caja: {opened} al abrir, {kept} que se quedan: {to_bank} de los fondos de caja fueron al banco con el depósito (asentado contra el fondo de cambio en el diario contable).</translation>
    </message>
    <message>
        <source>Floats: {opened} opened, {kept} kept: {to_bank} of the day&apos;s cash stayed in the floats instead of going to the bank (booked against the change fund in the GL journal).</source>
        <translation>Fondos de caja: {opened} al abrir, {kept} que se quedan: {to_bank} del efectivo del día se quedaron en los fondos de caja en lugar de ir al banco (asentado contra el fondo de cambio en el diario contable).</translation>
    </message>
    <message>
        <source>The change fund holds {held} after this close, {short} short of its authorised {authorised}: get change from the bank before the next floats are counted out.</source>
        <translation>El fondo de cambio tiene {held} después de este cierre, {short} menos que su importe autorizado de {authorised}: pida cambio al banco antes de entregar los próximos fondos de caja.</translation>
    </message>
    <message>
        <source>The business day {day} is closed: {drawers} drawers, {receipts} receipts for {receipts_total}, drawers: {over_short}, deposit {bank_total} in the bag ({deposit_total} with card settlements). Payments from now on belong to {next_day}.</source>
        <translation>El día contable {day} está cerrado: {drawers} cajones, {receipts} recibos por {receipts_total}, cajones: {over_short}, depósito de {bank_total} en la bolsa ({deposit_total} con los cierres de tarjeta). Los pagos a partir de ahora corresponden al {next_day}.</translation>
    </message>
    <message>
        <source>Audit anchor {printed} (event {seq} of the audit trail; the deposit file carries it too).</source>
        <translation>Ancla de auditoría {printed} (evento {seq} del registro de auditoría; el archivo del depósito también la lleva).</translation>
    </message>
    <message>
        <source>Backing up to {target} in the background.</source>
        <translation>Haciendo la copia de seguridad en {target} en segundo plano.</translation>
    </message>
    <message>
        <source>prepare the deposit</source>
        <translation>preparar el depósito</translation>
    </message>
    <message>
        <source>close the business day</source>
        <translation>cerrar el día contable</translation>
    </message>
    <message>
        <source>The business day {day} is already closed (by {closed_by}).</source>
        <translation>El día contable {day} ya está cerrado (por {closed_by}).</translation>
    </message>
    <message>
        <source>The business day {day} has not begun: the open business day is {current}.</source>
        <translation>El día contable {day} no ha comenzado: el día contable abierto es {current}.</translation>
    </message>
    <message>
        <source>The business day {day} cannot close: this drawer is still open: {listed}. Each cashier balances and closes their drawer first.</source>
        <translation>El día contable {day} no se puede cerrar: este cajón sigue abierto: {listed}. Cada cajero cuadra y cierra primero su cajón.</translation>
    </message>
    <message>
        <source>The business day {day} cannot close: these drawers are still open: {listed}. Each cashier balances and closes their drawer first.</source>
        <translation>El día contable {day} no se puede cerrar: estos cajones siguen abiertos: {listed}. Cada cajero cuadra y cierra primero su cajón.</translation>
    </message>
    <message>
        <source>The business day {day} cannot close: this mail batch is not posted: {listed}. Balance and post each batch, or reject it, first.</source>
        <translation>El día contable {day} no se puede cerrar: este lote de correo no está registrado: {listed}. Primero cuadre y registre cada lote, o rechácelo.</translation>
    </message>
    <message>
        <source>The business day {day} cannot close: these mail batches are not posted: {listed}. Balance and post each batch, or reject it, first.</source>
        <translation>El día contable {day} no se puede cerrar: estos lotes de correo no están registrados: {listed}. Primero cuadre y registre cada lote, o rechácelo.</translation>
    </message>
</context>
<context>
    <name>db</name>
    <message>
        <source>The database {where} is empty. Run `cashdesk init` to create it.</source>
        <translation>La base de datos {where} está vacía. Ejecute `cashdesk init` para crearla.</translation>
    </message>
    <message>
        <source>The database {where} was made by a newer version of cashdesk (schema {revision}); this version knows schema {head} and older. Install the newer cashdesk, or open another database. The file was left untouched.</source>
        <translation>La base de datos {where} fue creada por una versión más reciente de cashdesk (esquema {revision}); esta versión conoce el esquema {head} y anteriores. Instale el cashdesk más reciente o abra otra base de datos. El archivo no se modificó.</translation>
    </message>
    <message>
        <source>The database {where} has an older schema ({revision}). Run `cashdesk init` to upgrade it (a copy is kept first).</source>
        <translation>La base de datos {where} tiene un esquema anterior ({revision}). Ejecute `cashdesk init` para actualizarla (antes se guarda una copia).</translation>
    </message>
    <message>
        <source>There is no database at {path}. Run `cashdesk init` to create one.</source>
        <translation>No hay ninguna base de datos en {path}. Ejecute `cashdesk init` para crear una.</translation>
    </message>
</context>
<context>
    <name>delinquency</name>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Cargos</translation>
    </message>
    <message>
        <source>Due after</source>
        <translation>Adeudado después</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Paso siguiente</translation>
    </message>
    <message>
        <source>Delinquency run for {date_text}: {accounts} account(s), {fees} in fees</source>
        <translation>Proceso de morosidad del {date_text}: {accounts} cuenta(s), {fees} en cargos</translation>
    </message>
    <message>
        <source> and {value1} more</source>
        <translation> y {value1} más</translation>
    </message>
    <message>
        <source> Held from door tags and disconnects: {join}{more}.</source>
        <translation> Exentas de avisos de puerta y cortes: {join}{more}.</translation>
    </message>
    <message>
        <source> No door tags or disconnects: {shutoff_refusal}</source>
        <translation> Sin avisos de puerta ni cortes: {shutoff_refusal}</translation>
    </message>
    <message>
        <source>Delinquency run</source>
        <translation>Proceso de morosidad</translation>
    </message>
    <message>
        <source>Delinquency run — collection steps on past-due accounts</source>
        <translation>Proceso de morosidad — pasos de cobro en cuentas vencidas</translation>
    </message>
    <message>
        <source>Type the date and press Enter to preview the run: nothing is written. Alt+M commits today&apos;s run after you answer Y to what it will do (once a day). Up/Down reads the accounts. Esc closes.</source>
        <translation>Escriba la fecha y pulse Intro para ver el proceso: no se escribe nada. Alt+M confirma el proceso de hoy después de responder Y a lo que hará (una vez al día). Arriba/Abajo recorren las cuentas. Esc cierra.</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>&amp;Vista previa</translation>
    </message>
    <message>
        <source>Co&amp;mmit today&apos;s run</source>
        <translation>Confir&amp;mar el proceso de hoy</translation>
    </message>
    <message>
        <source>Commit the delinquency run for {date_text}? {accounts} account(s), {fees} in fees charged, {tags} door tag(s) and {cuts} disconnect(s) ordered, and a notice letter written for each account. It is done once for the date.</source>
        <translation>¿Confirmar el proceso de morosidad del {date_text}? {accounts} cuenta(s), {fees} en cargos, {tags} aviso(s) de puerta y {cuts} corte(s) ordenados, y una carta de aviso para cada cuenta. Se hace una sola vez por fecha.</translation>
    </message>
    <message>
        <source>Commit the delinquency run</source>
        <translation>Confirmar el proceso de morosidad</translation>
    </message>
    <message>
        <source>Not committed: nothing was changed.</source>
        <translation>No confirmado: no se cambió nada.</translation>
    </message>
    <message>
        <source>Delinquency run for {date_text} committed: {accounts} account(s), {fees} in fees; the notices and the list are in {folder}.</source>
        <translation>Proceso de morosidad del {date_text} confirmado: {accounts} cuenta(s), {fees} en cargos; los avisos y la lista están en {folder}.</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Recordatorio</translation>
    </message>
    <message>
        <source>Late fee</source>
        <translation>Recargo por mora</translation>
    </message>
    <message>
        <source>Door tag (shut-off notice)</source>
        <translation>Aviso de puerta (aviso de corte)</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Corte</translation>
    </message>
    <message>
        <source>Delinquency notice</source>
        <translation>Aviso de morosidad</translation>
    </message>
    <message>
        <source>Penalty and interest</source>
        <translation>Multa e intereses</translation>
    </message>
    <message>
        <source>Referral to collections</source>
        <translation>Envío a cobranza</translation>
    </message>
    <message>
        <source>The {step} comes {days} days after the charge, before the {earlier_step} ({earlier_days} days): set delinquency.{key}_days to at least {earlier_days}. Nothing was done.</source>
        <translation>El paso «{step}» llega {days} días después del cargo, antes del paso «{earlier_step}» ({earlier_days} días): ponga delinquency.{key}_days en al menos {earlier_days}. No se hizo nada.</translation>
    </message>
    <message>
        <source>The late fee&apos;s cap ({cap}) is under its minimum ({minimum}): check delinquency.late_fee_cap_cents. Nothing was done.</source>
        <translation>El tope del recargo por mora ({cap}) está por debajo de su mínimo ({minimum}): revise delinquency.late_fee_cap_cents. No se hizo nada.</translation>
    </message>
    <message>
        <source>The delinquency run for {day} was committed by {committed_by} at {committed_at:%Y-%m-%d %H:%M} UTC ({accounts} account(s), {fees} in fees): nothing was changed.</source>
        <translation>El proceso de morosidad del {day} ya lo confirmó {committed_by} a las {committed_at:%H:%M} UTC del {committed_at:%m/%d/%Y} ({accounts} cuenta(s), {fees} en cargos): no se cambió nada.</translation>
    </message>
    <message>
        <source>see the delinquency run</source>
        <translation>ver el proceso de morosidad</translation>
    </message>
    <message>
        <source>commit the delinquency run</source>
        <translation>confirmar el proceso de morosidad</translation>
    </message>
    <message>
        <source>A delinquency run is committed for today ({today}), not for {on}: preview other dates. Nothing was changed.</source>
        <translation>Un proceso de morosidad se confirma para hoy ({today}), no para el {on}: use la vista previa para otras fechas. No se cambió nada.</translation>
    </message>
    <message>
        <source>The notices could not be written in {where} ({strerror}): nothing was changed. Choose another folder or free some space, then commit again.</source>
        <translation>No se pudieron escribir los avisos en {where} ({strerror}): no se cambió nada. Elija otra carpeta o libere espacio y luego confirme de nuevo.</translation>
    </message>
</context>
<context>
    <name>delivery</name>
    <message>
        <source>Printer fault: {why}</source>
        <translation>Error de la impresora: {why}</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <source>The database {location} already has {accounts:,} accounts. demo-data only fills an empty database, so nothing was changed. Give it a new file: cashdesk --db demo.sqlite3 demo-data</source>
        <translation>La base de datos {location} ya tiene {accounts:,} cuentas. demo-data solo llena una base de datos vacía, así que no se cambió nada. Dele un archivo nuevo: cashdesk --db demo.sqlite3 demo-data</translation>
    </message>
    <message>
        <source>demo-data fills SQLite database files only; give it a file with --db.</source>
        <translation>demo-data solo llena archivos de base de datos SQLite; dele un archivo con --db.</translation>
    </message>
    <message>
        <source>A demo city has from 1 to {MAX_ACCOUNTS:,} accounts.</source>
        <translation>Una ciudad de demostración tiene de 1 a {MAX_ACCOUNTS:,} cuentas.</translation>
    </message>
</context>
<context>
    <name>deposit</name>
    <message>
        <source>The journal does not balance: debits {debits}, credits {credits}.</source>
        <translation>El diario no cuadra: débitos {debits}, créditos {credits}.</translation>
    </message>
    <message>
        <source>A journal line must be a debit or a credit, not both: {line}</source>
        <translation>Una línea del diario debe ser un débito o un crédito, no ambos: {line}</translation>
    </message>
    <message>
        <source>{name} is not listed in {manifest}</source>
        <translation>{name} no figura en {manifest}</translation>
    </message>
    <message>
        <source>{name} is listed in {manifest} but is not in the folder</source>
        <translation>{name} figura en {manifest} pero no está en la carpeta</translation>
    </message>
    <message>
        <source>{name} is not the file {manifest} lists (changed after the export)</source>
        <translation>{name} no es el archivo que indica {manifest} (se cambió después de la exportación)</translation>
    </message>
    <message>
        <source>{name} was not exported from this database for {day}</source>
        <translation>{name} no se exportó desde esta base de datos para el {day}</translation>
    </message>
    <message>
        <source>The deposit of {day} was not exported to {folder}: the folder holds an export of the day that is not the one cashdesk wrote and registered:
{problems}
Nothing was overwritten. Keep these files for the auditor: move them to another folder, then export again.</source>
        <translation>El depósito del {day} no se exportó a {folder}: la carpeta contiene una exportación del día que no es la que cashdesk escribió y registró:
{problems}
No se sobrescribió nada. Guarde estos archivos para el auditor: muévalos a otra carpeta y luego exporte de nuevo.</translation>
    </message>
    <message>
        <source>Exported the deposit of {day}: {bank_total} in the bag ({checks} checks), {deposit_total} with card settlements, {files} files and their manifest in {folder}.</source>
        <translation>Se exportó el depósito del {day}: {bank_total} en la bolsa ({checks} cheques), {deposit_total} con los cierres de tarjeta, {files} archivos y su manifiesto en {folder}.</translation>
    </message>
    <message>
        <source>An unfinished export of the day found there (a run stopped midway) is now complete.</source>
        <translation>Una exportación sin terminar del día que estaba allí (una ejecución que se detuvo a medias) ya está completa.</translation>
    </message>
    <message>
        <source>As asked, these replace the ones exported before for this day (ticket {ticket}, bag {bag}): {names}. Give the bank the new one.</source>
        <translation>Como se pidió, estos reemplazan a los exportados antes para este día (boleta {ticket}, bolsa {bag}): {names}. Entregue al banco el nuevo.</translation>
    </message>
    <message>
        <source>The {what} is up to 20 letters, digits or dashes, as printed on the bank&apos;s form.</source>
        <translation>En {what} caben hasta 20 letras, dígitos o guiones, tal como está impreso en el formulario del banco.</translation>
    </message>
    <message>
        <source>The business day {day:%Y-%m-%d} is not closed yet. Close the day first, then export its deposit.</source>
        <translation>El día contable {day:%Y-%m-%d} aún no está cerrado. Cierre primero el día y luego exporte su depósito.</translation>
    </message>
    <message>
        <source>The deposit files could not be written to {folder}: {strerror}. Choose another folder or free some space; nothing was registered.</source>
        <translation>No se pudieron escribir los archivos de depósito en {folder}: {strerror}. Elija otra carpeta o libere espacio; no se registró nada.</translation>
    </message>
    <message>
        <source>The deposit files of {day} were written and registered, but their manifest could not be written to {folder}: {strerror}. Until it is there the export is not complete: export again to finish it.</source>
        <translation>Los archivos de depósito del {day} se escribieron y registraron, pero su manifiesto no se pudo escribir en {folder}: {strerror}. Mientras no esté allí, la exportación no está completa: exporte de nuevo para terminarla.</translation>
    </message>
    <message>
        <source>deposit ticket number</source>
        <translation>el número de boleta de depósito</translation>
    </message>
    <message>
        <source>bag number</source>
        <translation>el número de bolsa</translation>
    </message>
    <message>
        <source>prepare the deposit</source>
        <translation>preparar el depósito</translation>
    </message>
</context>
<context>
    <name>deposit_differences</name>
    <message>
        <source>{what}: {n_then} for {total_then} at the close, {n_now} for {total_now} now</source>
        <translation>{what}: {n_then} por {total_then} al cierre, {n_now} por {total_now} ahora</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>{amount} debit</source>
        <translation>{amount} al debe</translation>
    </message>
    <message>
        <source>{amount} credit</source>
        <translation>{amount} al haber</translation>
    </message>
    <message>
        <source>posted receipts</source>
        <translation>recibos registrados</translation>
    </message>
    <message>
        <source>cash in the bag: {then} at the close, {now} now</source>
        <translation>efectivo en la bolsa: {then} al cierre, {now} ahora</translation>
    </message>
    <message>
        <source>cash in the bag: {now} at the close and now, but in other bills and coins</source>
        <translation>efectivo en la bolsa: {now} al cierre y ahora, pero en otros billetes y monedas</translation>
    </message>
    <message>
        <source>checks</source>
        <translation>cheques</translation>
    </message>
    <message>
        <source>money orders</source>
        <translation>giros postales</translation>
    </message>
    <message>
        <source>checks and money orders: the same count and total as at the close, but a number, payer or receipt is not the same</source>
        <translation>cheques y giros postales: la misma cantidad y el mismo total que al cierre, pero un número, un pagador o un recibo no es el mismo</translation>
    </message>
    <message>
        <source>card settlements: {then} at the close, {now} now</source>
        <translation>liquidaciones de tarjeta: {then} al cierre, {now} ahora</translation>
    </message>
    <message>
        <source>GL journal, {gl}: {then} at the close, {now} now</source>
        <translation>diario contable, {gl}: {then} al cierre, {now} ahora</translation>
    </message>
    <message>
        <source>billing payments</source>
        <translation>pagos de facturación</translation>
    </message>
    <message>
        <source>an account, receipt or tender</source>
        <translation>una cuenta, un recibo o una forma de pago</translation>
    </message>
    <message>
        <source>sales-tax payments</source>
        <translation>pagos del impuesto sobre las ventas</translation>
    </message>
    <message>
        <source>an account, period or receipt</source>
        <translation>una cuenta, un periodo o un recibo</translation>
    </message>
    <message>
        <source>{what}: the same count and total as at the close, but {details} is not the same</source>
        <translation>{what}: la misma cantidad y el mismo total que al cierre, pero {details} no es igual</translation>
    </message>
    <message>
        <source>line {n}, registered: {text}</source>
        <translation>línea {n}, registrada: {text}</translation>
    </message>
    <message>
        <source>line {n}, now:        {text}</source>
        <translation>línea {n}, ahora:      {text}</translation>
    </message>
    <message>
        <source>… and {n} more lines</source>
        <translation>… y {n} líneas más</translation>
    </message>
    <message>
        <source>{name}: not the file registered {at:%Y-%m-%d %H:%M} UTC by {by} (in {folder})</source>
        <translation>{name}: no es el archivo que registró {by} el {at:%Y-%m-%d %H:%M} UTC (en {folder})</translation>
    </message>
    <message>
        <source>; that copy is no longer there, so its rows cannot be shown</source>
        <translation>; esa copia ya no está, así que no se pueden mostrar sus filas</translation>
    </message>
    <message>
        <source>The deposit of {day} was not exported: its money rows are not what they were when the day was closed.</source>
        <translation>El depósito del {day} no se exportó: sus registros de dinero no son los que eran cuando se cerró el día.</translation>
    </message>
    <message>
        <source>A closed day&apos;s rows change only outside cashdesk (a correction is a reversal on an open day), so do not send these files to the bank. Run `cashdesk audit verify` to see what was changed, then restore the backup taken at the day&apos;s close, or ask the administrator.</source>
        <translation>Los registros de un día cerrado solo cambian fuera de cashdesk (una corrección es una reversión en un día abierto), así que no envíe estos archivos al banco. Ejecute `cashdesk audit verify` para ver qué se cambió y luego restaure la copia de seguridad hecha al cierre del día, o consulte al administrador.</translation>
    </message>
    <message>
        <source>The deposit of {day} was not exported: its files would not be the ones registered for the day.</source>
        <translation>El depósito del {day} no se exportó: sus archivos no serían los registrados para el día.</translation>
    </message>
    <message>
        <source>The day&apos;s money is as it was closed, but something its files print (a name, a GL code, a setting) has changed since, or another version of cashdesk writes them otherwise. The registered files remain the day&apos;s deposit: send those, and ask the administrator before exporting this day again.</source>
        <translation>El dinero del día está como se cerró, pero algo que imprimen sus archivos (un nombre, un código contable, un ajuste) ha cambiado desde entonces, u otra versión de cashdesk los escribe de otro modo. Los archivos registrados siguen siendo el depósito del día: envíe esos y consulte al administrador antes de exportar este día otra vez.</translation>
    </message>
    <message>
        <source>Files that differ: {names}.</source>
        <translation>Archivos que difieren: {names}.</translation>
    </message>
    <message>
        <source>Nothing was written to {folder}; the registered files were left as they are.</source>
        <translation>No se escribió nada en {folder}; los archivos registrados se dejaron como estaban.</translation>
    </message>
    <message>
        <source>Nothing was written to {folder}.</source>
        <translation>No se escribió nada en {folder}.</translation>
    </message>
</context>
<context>
    <name>drawers</name>
    <message>
        <source>Open your drawer first: count the starting float (no payment is taken without an open drawer).</source>
        <translation>Abra primero su cajón: cuente el fondo de caja inicial (no se recibe ningún pago sin un cajón abierto).</translation>
    </message>
    <message>
        <source>open a cash drawer</source>
        <translation>abrir un cajón</translation>
    </message>
    <message>
        <source>{user_id} already has an open drawer at station {station}.</source>
        <translation>{user_id} ya tiene un cajón abierto en la estación {station}.</translation>
    </message>
    <message>
        <source>open the cash drawer</source>
        <translation>abrir el cajón</translation>
    </message>
    <message>
        <source>Say why the drawer is opened without a sale (for example: change for the safe).</source>
        <translation>Indique por qué se abre el cajón sin una venta (por ejemplo: cambio para la caja fuerte).</translation>
    </message>
</context>
<context>
    <name>escpos_profiles</name>
    <message>
        <source>&quot;{name}&quot; is not a printer profile. Known profiles: {known}.</source>
        <translation>&quot;{name}&quot; no es un perfil de impresora. Perfiles conocidos: {known}.</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Never type a card number. Take only the brand, the last four digits and the approval code.</source>
        <translation>Nunca escriba un número de tarjeta. Anote solo la marca, los cuatro últimos dígitos y el código de aprobación.</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>Sí (&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;No</translation>
    </message>
</context>
<context>
    <name>file_checks</name>
    <message>
        <source>{path} is a folder, not a cashdesk database.</source>
        <translation>{path} es una carpeta, no una base de datos de cashdesk.</translation>
    </message>
    <message>
        <source>The database {path} cannot be opened ({reason}). Check the path and its permissions.</source>
        <translation>No se puede abrir la base de datos {path} ({reason}). Revise la ruta y sus permisos.</translation>
    </message>
    <message>
        <source>{path} is not a cashdesk database or it is damaged ({reason}). It was left untouched. Restore the latest backup or choose another file.</source>
        <translation>{path} no es una base de datos de cashdesk o está dañada ({reason}). No se modificó. Restaure la última copia de seguridad o elija otro archivo.</translation>
    </message>
    <message>
        <source>The database {path} is damaged: {findings}. It was left untouched. Restore the latest backup.</source>
        <translation>La base de datos {path} está dañada: {findings}. No se modificó. Restaure la última copia de seguridad.</translation>
    </message>
    <message>
        <source>{path} is an SQLite file but not a cashdesk database. It was left untouched.</source>
        <translation>{path} es un archivo SQLite, pero no una base de datos de cashdesk. No se modificó.</translation>
    </message>
</context>
<context>
    <name>find_payment</name>
    <message>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <source>Business day</source>
        <translation>Día contable</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation>Formas de pago</translation>
    </message>
    <message>
        <source>Find a payment — Station {station}</source>
        <translation>Buscar un pago — Estación {station}</translation>
    </message>
    <message>
        <source>check 1234   amount 50..60   from 11/01/2026   card 4242 on 11/03/2026   payer garcia   account 1000000017   channel mail</source>
        <translation>check 1234   amount 50..60   from 11/01/2026   card 4242 on 11/03/2026   payer garcia   account 1000000017   channel mail</translation>
    </message>
    <message>
        <source>Enter: find.  Down: the receipts.  {REPRINT_KEY}: print a copy of the receipt.  {ACCOUNT_KEY}: its account.  Esc: close.</source>
        <translation>Intro: buscar.  Abajo: los recibos.  {REPRINT_KEY}: imprimir una copia del recibo.  {ACCOUNT_KEY}: su cuenta.  Esc: cerrar.</translation>
    </message>
    <message>
        <source>No payment matches. Widen the dates or the amount, or try the payer&apos;s name.</source>
        <translation>Ningún pago coincide. Amplíe las fechas o el importe, o pruebe el nombre del pagador.</translation>
    </message>
    <message>
        <source> Only the newest are shown: narrow the criteria.</source>
        <translation> Solo se muestran los más recientes: acote los criterios.</translation>
    </message>
    <message>
        <source>{n} payment{value2} found, newest first.{more}</source>
        <translation>Pagos encontrados: {n}, lo más reciente primero.{more}</translation>
    </message>
    <message>
        <source>Payments could not be searched ({exc}).</source>
        <translation>No se pudieron buscar los pagos ({exc}).</translation>
    </message>
    <message>
        <source>Choose a receipt first (Down, then the arrows).</source>
        <translation>Elija primero un recibo (Abajo, luego las flechas).</translation>
    </message>
    <message>
        <source>The copy could not be printed ({exc}). Call your supervisor.</source>
        <translation>No se pudo imprimir la copia ({exc}). Llame a su supervisor.</translation>
    </message>
    <message>
        <source>A copy of {receipt} marked REPRINT is printing.</source>
        <translation>Se está imprimiendo una copia de {receipt} marcada REIMPRESIÓN.</translation>
    </message>
    <message>
        <source>Choose a receipt that paid an account first.</source>
        <translation>Elija primero un recibo que haya pagado una cuenta.</translation>
    </message>
    <message>
        <source>Account {number}  {name}  —  balance {balance} (past due {past_due}), {items} open item(s). Latest: {last}</source>
        <translation>Cuenta {number}  {name}  —  saldo {balance} (vencido {past_due}), {items} partida(s) abierta(s). Última: {last}</translation>
    </message>
</context>
<context>
    <name>float_count</name>
    <message>
        <source>Bills</source>
        <translation>Billetes</translation>
    </message>
    <message>
        <source>Coins</source>
        <translation>Monedas</translation>
    </message>
    <message>
        <source>Rolled coin</source>
        <translation>Monedas en cartucho</translation>
    </message>
    <message>
        <source>Open your drawer: count the starting float</source>
        <translation>Abra su cajón: cuente el fondo inicial</translation>
    </message>
    <message>
        <source>Type how many of each you counted (leave a row empty for none). Enter or Tab goes to the next row; Enter on the last row, then Enter on the button opens the drawer. Esc: not now (look up accounts only).</source>
        <translation>Escriba cuántos contó de cada uno (deje una fila vacía si no hay ninguno). Intro o Tab va a la fila siguiente; Intro en la última fila y luego Intro en el botón abre el cajón. Esc: ahora no (solo consultar cuentas).</translation>
    </message>
    <message>
        <source>Starting float</source>
        <translation>Fondo inicial</translation>
    </message>
    <message>
        <source>Open the drawer</source>
        <translation>Abrir el cajón</translation>
    </message>
    <message>
        <source>{user_id} at station {station}</source>
        <translation>{user_id} en la estación {station}</translation>
    </message>
    <message>
        <source>Open the drawer with {total}</source>
        <translation>Abrir el cajón con {total}</translation>
    </message>
    <message>
        <source>No starting float</source>
        <translation>Sin fondo inicial</translation>
    </message>
    <message>
        <source>Nothing was counted. Open the drawer with no starting float ($0.00)?</source>
        <translation>No se contó nada. ¿Abrir el cajón sin fondo inicial ($0.00)?</translation>
    </message>
    <message>
        <source>The drawer could not be opened ({exc}). Call your supervisor.</source>
        <translation>No se pudo abrir el cajón ({exc}). Llame a su supervisor.</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>Utility</source>
        <translation>servicios públicos</translation>
    </message>
    <message>
        <source>Sales tax</source>
        <translation>impuesto sobre ventas</translation>
    </message>
</context>
<context>
    <name>imports</name>
    <message>
        <source>import accounts</source>
        <translation>importar cuentas</translation>
    </message>
    <message>
        <source>The file {file} cannot be read ({strerror}).</source>
        <translation>No se puede leer el archivo {file} ({strerror}).</translation>
    </message>
    <message>
        <source>The file has a header but no rows: nothing to import.</source>
        <translation>El archivo tiene encabezado pero no tiene filas: no hay nada que importar.</translation>
    </message>
    <message>
        <source>There is no file {file}. Check the name and the folder.</source>
        <translation>No existe el archivo {file}. Revise el nombre y la carpeta.</translation>
    </message>
    <message>
        <source>The file cannot be read: {exc}.</source>
        <translation>No se puede leer el archivo: {exc}.</translation>
    </message>
    <message>
        <source>Another window or program is writing to the database, so the import could not start. Nothing was changed; try again in a moment.</source>
        <translation>Otra ventana u otro programa está escribiendo en la base de datos, así que la importación no pudo empezar. No se cambió nada; inténtelo de nuevo en un momento.</translation>
    </message>
</context>
<context>
    <name>inquiry</name>
    <message>
        <source>Account number, name, service address or phone</source>
        <translation>Número de cuenta, nombre, dirección de servicio o teléfono</translation>
    </message>
    <message>
        <source>&amp;Find (F2):</source>
        <translation>&amp;Buscar (F2):</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>No account {value1} for this stub.</source>
        <translation>No hay cuenta {value1} para este talón.</translation>
    </message>
    <message>
        <source>The stub is for account {account}, which is not in cashdesk. Check the stub, or search by name or address.</source>
        <translation>El talón es de la cuenta {account}, que no está en cashdesk. Revise el talón, o busque por nombre o dirección.</translation>
    </message>
    <message>
        <source>Bill stub for account {number}: {amount_due} due {due_date:%m/%d/%Y}.</source>
        <translation>Talón de la cuenta {number}: {amount_due}, vence el {due_date:%m/%d/%Y}.</translation>
    </message>
    <message>
        <source>Type an account number, a name, a service address or a phone number, then press Enter.</source>
        <translation>Escriba un número de cuenta, un nombre, una dirección de servicio o un teléfono y pulse Intro.</translation>
    </message>
    <message>
        <source>The search could not be done ({exc}). Call your supervisor.</source>
        <translation>No se pudo hacer la búsqueda ({exc}). Llame a su supervisor.</translation>
    </message>
    <message>
        <source>No account matches “{query}”.</source>
        <translation>Ninguna cuenta coincide con “{query}”.</translation>
    </message>
    <message>
        <source>No account matches “{query}”. Check the spelling, or try the account number, the street or the phone number.</source>
        <translation>Ninguna cuenta coincide con “{query}”. Revise la ortografía, o pruebe el número de cuenta, la calle o el teléfono.</translation>
    </message>
    <message>
        <source>1 account matches “{query}”.</source>
        <translation>1 cuenta coincide con “{query}”.</translation>
    </message>
    <message>
        <source>The first {results} accounts matching “{query}”. Type more to narrow the search.</source>
        <translation>Las primeras {results} cuentas que coinciden con “{query}”. Escriba más para acotar la búsqueda.</translation>
    </message>
    <message>
        <source>{results} accounts match “{query}”. Press ↓ to go through them.</source>
        <translation>{results} cuentas coinciden con “{query}”. Pulse ↓ para recorrerlas.</translation>
    </message>
    <message>
        <source>Searching is off.</source>
        <translation>La búsqueda está desactivada.</translation>
    </message>
    <message>
        <source>The account could not be read ({exc}). Call your supervisor.</source>
        <translation>No se pudo leer la cuenta ({exc}). Llame a su supervisor.</translation>
    </message>
</context>
<context>
    <name>lock_holders</name>
    <message>
        <source>{program}, process {pid}</source>
        <translation>{program}, proceso {pid}</translation>
    </message>
    <message>
        <source>a program</source>
        <translation>un programa</translation>
    </message>
    <message>
        <source>the cashdesk window</source>
        <translation>la ventana de cashdesk</translation>
    </message>
</context>
<context>
    <name>logo</name>
    <message>
        <source>The receipt logo {file} cannot be read ({why}).</source>
        <translation>No se puede leer el logotipo del recibo {file} ({why}).</translation>
    </message>
    <message>
        <source>The receipt logo {file} is not a picture cashdesk can read ({why}). Use a PNG.</source>
        <translation>El logotipo del recibo {file} no es una imagen que cashdesk pueda leer ({why}). Use un PNG.</translation>
    </message>
    <message>
        <source>The receipt logo {file} is {width}×{height} dots; a receipt takes at most {max_width}×{max_height} (384 dots wide for a 58 mm roll, 512 for an 80 mm one).</source>
        <translation>El logotipo del recibo {file} mide {width}×{height} puntos; un recibo admite como máximo {max_width}×{max_height} (384 puntos de ancho en un rollo de 58 mm, 512 en uno de 80 mm).</translation>
    </message>
</context>
<context>
    <name>mail</name>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>Cuadrado</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>it is not balanced yet: balance it to the tape first</source>
        <translation>aún no cuadra: cuádrelo primero con la cinta</translation>
    </message>
    <message>
        <source>it is already posted</source>
        <translation>ya está registrado</translation>
    </message>
    <message>
        <source>it was rejected</source>
        <translation>fue rechazado</translation>
    </message>
    <message>
        <source>it is already balanced</source>
        <translation>ya está cuadrado</translation>
    </message>
    <message>
        <source>it is posted: a supervisor reverses its items one by one instead</source>
        <translation>está registrado: en su lugar, un supervisor revierte sus elementos uno por uno</translation>
    </message>
    <message>
        <source>it was already rejected</source>
        <translation>ya fue rechazado</translation>
    </message>
    <message>
        <source>be balanced</source>
        <translation>cuadrarse</translation>
    </message>
    <message>
        <source>post</source>
        <translation>registrarse</translation>
    </message>
    <message>
        <source>be rejected</source>
        <translation>rechazarse</translation>
    </message>
    <message>
        <source>be reopened</source>
        <translation>reabrirse</translation>
    </message>
    <message>
        <source>it is {status}</source>
        <translation>está {status}</translation>
    </message>
    <message>
        <source>Batch {number} cannot {target}: {why}.</source>
        <translation>El lote {number} no puede {target}: {why}.</translation>
    </message>
</context>
<context>
    <name>mail_batch_actions</name>
    <message>
        <source>The batch could not be balanced ({exc}). Call your supervisor.</source>
        <translation>No se pudo cuadrar el lote ({exc}). Llame a su supervisor.</translation>
    </message>
    <message>
        <source> Look at {items_text} in red before posting.</source>
        <translation> Revise {items_text} en rojo antes de registrar.</translation>
    </message>
    <message>
        <source>Batch {number} balances to the tape: {items_text}, {total}.{suspects} F12 posts it.</source>
        <translation>El lote {number} cuadra con la cinta: {items_text}, {total}.{suspects} F12 lo registra.</translation>
    </message>
    <message>
        <source>Batch {number} is {status}: nothing to post.</source>
        <translation>El lote {number} está {status}: nada que registrar.</translation>
    </message>
    <message>
        <source>{receipts} to {receipts2}</source>
        <translation>{receipts} a {receipts2}</translation>
    </message>
    <message>
        <source>Batch {number} is posted: {items_text}, {total}, receipts {span}. Receipts print only on request (Alt+R); the checks go in today&apos;s deposit.</source>
        <translation>El lote {number} está registrado: {items_text}, {total}, recibos {span}. Los recibos se imprimen solo si se piden (Alt+R); los cheques van en el depósito de hoy.</translation>
    </message>
    <message>
        <source>Posting the batch could not be done ({exc}). Call your supervisor.</source>
        <translation>No se pudo registrar el lote ({exc}). Llame a su supervisor.</translation>
    </message>
    <message>
        <source>The proof list of batch {number} is saved: {path}</source>
        <translation>La lista de comprobación del lote {number} está guardada: {path}</translation>
    </message>
    <message>
        <source>Saving the proof list could not be done ({exc}). Call your supervisor.</source>
        <translation>No se pudo guardar la lista de comprobación ({exc}). Llame a su supervisor.</translation>
    </message>
    <message>
        <source>Item {seq} is not posted: its receipt exists once the batch posts.</source>
        <translation>La pieza {seq} no está registrada: su recibo existe cuando se registra el lote.</translation>
    </message>
    <message>
        <source>the mail receipt</source>
        <translation>el recibo de correo</translation>
    </message>
    <message>
        <source>Receipt {receipt_number} (item {seq}) is printing.</source>
        <translation>Se está imprimiendo el recibo {receipt_number} (pieza {seq}).</translation>
    </message>
    <message>
        <source>Receipt {receipt_number} (item {seq}) is saved: {done}</source>
        <translation>El recibo {receipt_number} (pieza {seq}) está guardado: {done}</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>No se cambió nada.</translation>
    </message>
    <message>
        <source>Batch {number} is {status}: it cannot be rejected.</source>
        <translation>El lote {number} está {status}: no se puede rechazar.</translation>
    </message>
    <message>
        <source>Reject batch {number}</source>
        <translation>Rechazar el lote {number}</translation>
    </message>
    <message>
        <source>The batch is set aside for good: nothing of it posts. Say why.</source>
        <translation>El lote se aparta definitivamente: no se registra nada de él. Diga por qué.</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>Re&amp;chazar</translation>
    </message>
    <message>
        <source>For example: the tape is wrong, the checks go back</source>
        <translation>Por ejemplo: la cinta está mal, los cheques se devuelven</translation>
    </message>
    <message>
        <source>rejecting the batch</source>
        <translation>rechazar el lote</translation>
    </message>
    <message>
        <source>Batch {number} is rejected: {reason}</source>
        <translation>El lote {number} está rechazado: {reason}</translation>
    </message>
    <message>
        <source>Batch {number} is not posted: take an item out with Delete instead.</source>
        <translation>El lote {number} no está registrado: quite la pieza con Supr.</translation>
    </message>
    <message>
        <source>Item {seq} is already reversed.</source>
        <translation>La pieza {seq} ya está revertida.</translation>
    </message>
    <message>
        <source>Reverse item {seq} ({receipt_number})</source>
        <translation>Revertir la pieza {seq} ({receipt_number})</translation>
    </message>
    <message>
        <source>Account {account}, {amount}: the payment comes off the account and its receipt is void. Say why; a supervisor approves.</source>
        <translation>Cuenta {account}, {amount}: el pago se quita de la cuenta y su recibo se anula. Diga por qué; un supervisor lo aprueba.</translation>
    </message>
    <message>
        <source>&amp;Reverse…</source>
        <translation>&amp;Revertir…</translation>
    </message>
    <message>
        <source>For example: keyed to the wrong account</source>
        <translation>Por ejemplo: se registró en la cuenta equivocada</translation>
    </message>
    <message>
        <source>Not reversed: a supervisor did not approve it.</source>
        <translation>No revertido: un supervisor no lo aprobó.</translation>
    </message>
    <message>
        <source>reversing the item</source>
        <translation>revertir la pieza</translation>
    </message>
    <message>
        <source>Item {seq} ({receipt_number}, {amount}) is reversed, approved by {approved_by}: account {account} owes it again.</source>
        <translation>La pieza {seq} ({receipt_number}, {amount}) está revertida, aprobada por {approved_by}: la cuenta {account} vuelve a deberla.</translation>
    </message>
</context>
<context>
    <name>mail_batch_keying</name>
    <message>
        <source>&amp;Check number:</source>
        <translation>Número de &amp;cheque:</translation>
    </message>
    <message>
        <source>S&amp;erial number:</source>
        <translation>Número de s&amp;erie:</translation>
    </message>
    <message>
        <source>Scan the stub, or type the account number.</source>
        <translation>Escanee el talón, o escriba el número de cuenta.</translation>
    </message>
    <message>
        <source>No account {shown} on file. Check the number on the stub, or set the remittance aside.</source>
        <translation>No hay cuenta {shown} registrada. Revise el número del talón, o aparte la remesa.</translation>
    </message>
    <message>
        <source>Account {number} — {name}: balance {balance}</source>
        <translation>Cuenta {number} — {name}: saldo {balance}</translation>
    </message>
    <message>
        <source>; the stub asks {amount_due}, due {due_date:%m/%d/%Y}</source>
        <translation>; el talón pide {amount_due}, vence el {due_date:%m/%d/%Y}</translation>
    </message>
    <message>
        <source>Enter keeps the amount; type the check&apos;s amount if it differs.</source>
        <translation>Intro mantiene el importe; escriba el importe del cheque si es distinto.</translation>
    </message>
    <message>
        <source>The check is read: now type its amount.</source>
        <translation>Cheque leído: ahora escriba su importe.</translation>
    </message>
    <message>
        <source>check number</source>
        <translation>número de cheque</translation>
    </message>
    <message>
        <source>money order&apos;s serial number</source>
        <translation>número de serie del giro postal</translation>
    </message>
    <message>
        <source>Type the {what} (or run the check through the reader).</source>
        <translation>Escriba el {what} (o pase el cheque por el lector).</translation>
    </message>
    <message>
        <source>Read from the check: routing {routing}, account {account}, check {check_number}.</source>
        <translation>Leído del cheque: ruta {routing}, cuenta {account}, cheque {check_number}.</translation>
    </message>
    <message>
        <source>adding the remittance</source>
        <translation>añadir la remesa</translation>
    </message>
    <message>
        <source> Look at it: {problem}</source>
        <translation> Revísela: {problem}</translation>
    </message>
    <message>
        <source>Item {seq} added: account {account}, {amount}.{warn} Scan the next stub.</source>
        <translation>Pieza {seq} añadida: cuenta {account}, {amount}.{warn} Escanee el talón siguiente.</translation>
    </message>
    <message>
        <source>Batch {number} is {status}: items come out of open batches only.</source>
        <translation>El lote {number} está {status}: solo se quitan piezas de lotes abiertos.</translation>
    </message>
    <message>
        <source> A posted item is reversed (Alt+V).</source>
        <translation> Una pieza registrada se revierte (Alt+V).</translation>
    </message>
    <message>
        <source>taking the item out</source>
        <translation>quitar la pieza</translation>
    </message>
    <message>
        <source>Item {seq} taken out (account {account}, {amount}). Scan the next stub, or F9 to balance.</source>
        <translation>Pieza {seq} quitada (cuenta {account}, {amount}). Escanee el talón siguiente, o F9 para cuadrar.</translation>
    </message>
    <message>
        <source>Choose an item first: Alt+I goes to the items, ↑ ↓ chooses.</source>
        <translation>Elija primero una pieza: Alt+I va a las piezas, ↑ ↓ eligen.</translation>
    </message>
</context>
<context>
    <name>mail_batch_tables</name>
    <message>
        <source>Check</source>
        <translation>Cheque</translation>
    </message>
    <message>
        <source>Money order</source>
        <translation>Giro postal</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>Cuadrado</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>Revertido</translation>
    </message>
    <message>
        <source>{count} item{value2}</source>
        <translation>{count} pieza(s)</translation>
    </message>
    <message>
        <source>Balanced with the tape</source>
        <translation>Cuadrado con la cinta</translation>
    </message>
    <message>
        <source>Difference: {signed_items}, {signed_money}</source>
        <translation>Diferencia: {signed_items}, {signed_money}</translation>
    </message>
    <message>
        <source>, check {check_number}</source>
        <translation>, cheque {check_number}</translation>
    </message>
    <message>
        <source>Item {seq}: account {account}{name}, {amount}{check} — {problem}</source>
        <translation>Pieza {seq}: cuenta {account}{name}, {amount}{check} — {problem}</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>Mo&amp;tivo:</translation>
    </message>
    <message>
        <source>Give the reason.</source>
        <translation>Indique el motivo.</translation>
    </message>
</context>
<context>
    <name>mail_batches</name>
    <message>
        <source>Mail batches</source>
        <translation>Lotes de correo</translation>
    </message>
    <message>
        <source>↑ ↓ choose a batch, Enter opens it. N starts a new batch with the count and total from the adding-machine tape. Esc closes.</source>
        <translation>↑ ↓ eligen un lote, Intro lo abre. N empieza un lote nuevo con la cantidad y el total de la cinta de la sumadora. Esc cierra.</translation>
    </message>
    <message>
        <source>New batch: the adding-machine tape</source>
        <translation>Lote nuevo: la cinta de la sumadora</translation>
    </message>
    <message>
        <source>Tape&apos;s &amp;count of items:</source>
        <translation>&amp;Cantidad de piezas en la cinta:</translation>
    </message>
    <message>
        <source>Tape&apos;s &amp;total:</source>
        <translation>&amp;Total de la cinta:</translation>
    </message>
    <message>
        <source>Enter moves on; Enter on the total opens the batch. Esc: not now.</source>
        <translation>Intro avanza; Intro en el total abre el lote. Esc: ahora no.</translation>
    </message>
    <message>
        <source>&amp;New batch (N)</source>
        <translation>Lote &amp;nuevo (N)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Mail batches — business day {date_text}</source>
        <translation>Lotes de correo — día contable {date_text}</translation>
    </message>
    <message>
        <source>{batches} batch{value2} today.</source>
        <translation>Lotes de hoy: {batches}.</translation>
    </message>
    <message>
        <source>No mail batches yet today. Press N to start one from the tape.</source>
        <translation>Aún no hay lotes de correo hoy. Pulse N para empezar uno con la cinta.</translation>
    </message>
    <message>
        <source>Type the tape&apos;s count of items, Enter, then its total, Enter.</source>
        <translation>Escriba la cantidad de piezas de la cinta, Intro, luego su total, Intro.</translation>
    </message>
    <message>
        <source>Type how many items the tape counts, as a whole number (like 25).</source>
        <translation>Escriba cuántas piezas cuenta la cinta, como número entero (como 25).</translation>
    </message>
    <message>
        <source>opening the batch</source>
        <translation>abrir el lote</translation>
    </message>
    <message>
        <source>Batch {number} is open: scan the first stub.</source>
        <translation>El lote {number} está abierto: escanee el primer talón.</translation>
    </message>
    <message>
        <source>&amp;Items (Delete takes the chosen one out while the batch is open):</source>
        <translation>&amp;Piezas (Supr quita la elegida mientras el lote está abierto):</translation>
    </message>
    <message>
        <source>Scan the stub, or type the account number</source>
        <translation>Escanee el talón, o escriba el número de cuenta</translation>
    </message>
    <message>
        <source>The check number, or run the check through the reader</source>
        <translation>El número del cheque, o pase el cheque por el lector</translation>
    </message>
    <message>
        <source>As printed on the check (empty: the account&apos;s name)</source>
        <translation>Como aparece en el cheque (vacío: el nombre de la cuenta)</translation>
    </message>
    <message>
        <source>&amp;Scan or account:</source>
        <translation>&amp;Escaneo o cuenta:</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>&amp;Importe:</translation>
    </message>
    <message>
        <source>&amp;Check number:</source>
        <translation>Número de &amp;cheque:</translation>
    </message>
    <message>
        <source>Pa&amp;yer:</source>
        <translation>Pa&amp;gador:</translation>
    </message>
    <message>
        <source>Kind (Alt+&amp;T):</source>
        <translation>Tipo (Alt+&amp;T):</translation>
    </message>
    <message>
        <source>Enter moves on: stub or account, amount, check number (or the reader&apos;s MICR line), payer; Enter on the payer adds the remittance.</source>
        <translation>Intro avanza: talón o cuenta, importe, número de cheque (o la línea MICR del lector), pagador; Intro en el pagador añade la remesa.</translation>
    </message>
    <message>
        <source>Balance (F9)</source>
        <translation>Cuadrar (F9)</translation>
    </message>
    <message>
        <source>Post (F12)</source>
        <translation>Registrar (F12)</translation>
    </message>
    <message>
        <source>Proof &amp;list (PDF)</source>
        <translation>&amp;Lista de comprobación (PDF)</translation>
    </message>
    <message>
        <source>&amp;Receipt: print</source>
        <translation>&amp;Recibo: imprimir</translation>
    </message>
    <message>
        <source>Receipt as P&amp;DF</source>
        <translation>Recibo en P&amp;DF</translation>
    </message>
    <message>
        <source>Re&amp;ject batch…</source>
        <translation>Re&amp;chazar el lote…</translation>
    </message>
    <message>
        <source>Re&amp;verse item…</source>
        <translation>Re&amp;vertir la pieza…</translation>
    </message>
    <message>
        <source>Back to the list (Esc)</source>
        <translation>Volver a la lista (Esc)</translation>
    </message>
    <message>
        <source>, from {source_file}</source>
        <translation>, de {source_file}</translation>
    </message>
    <message>
        <source> — rejected: {reject_reason}</source>
        <translation> — rechazado: {reject_reason}</translation>
    </message>
    <message>
        <source>Batch {number} — {owner} — {status}{source}{extra}</source>
        <translation>Lote {number} — {owner} — {status}{source}{extra}</translation>
    </message>
    <message>
        <source>Mail batch {number}</source>
        <translation>Lote de correo {number}</translation>
    </message>
    <message>
        <source>Look at these items:</source>
        <translation>Revise estas piezas:</translation>
    </message>
    <message>
        <source>Tape: {items_text}, {control_total}</source>
        <translation>Cinta: {items_text}, {control_total}</translation>
    </message>
    <message>
        <source>Entered: {items_text}, {total}</source>
        <translation>Registrado: {items_text}, {total}</translation>
    </message>
    <message>
        <source>The entries add up to the tape: F9 balances the batch, F12 posts it.</source>
        <translation>Las entradas suman lo de la cinta: F9 cuadra el lote, F12 lo registra.</translation>
    </message>
    <message>
        <source>Scan the next stub (or type the account).</source>
        <translation>Escanee el talón siguiente (o escriba la cuenta).</translation>
    </message>
    <message>
        <source>The batch balances to the tape: F12 posts it. Alt+L saves its proof list.</source>
        <translation>El lote cuadra con la cinta: F12 lo registra. Alt+L guarda su lista de comprobación.</translation>
    </message>
    <message>
        <source>Posted. Choose an item: Alt+R prints its receipt, Alt+D saves it as a PDF; Alt+V reverses it (a supervisor approves).</source>
        <translation>Registrado. Elija una pieza: Alt+R imprime su recibo, Alt+D lo guarda en PDF; Alt+V la revierte (un supervisor lo aprueba).</translation>
    </message>
    <message>
        <source>This batch was rejected: nothing of it posted.</source>
        <translation>Este lote se rechazó: no se registró nada de él.</translation>
    </message>
    <message>
        <source>{what}{what2} could not be done ({{exc}}). Call your supervisor.</source>
        <translation>No se pudo completar: {what}{what2} ({{exc}}). Llame a su supervisor.</translation>
    </message>
    <message>
        <source>take mail payments</source>
        <translation>recibir pagos por correo</translation>
    </message>
    <message>
        <source>see mail batches</source>
        <translation>ver los lotes de correo</translation>
    </message>
    <message>
        <source>Batch {number} is {status}: remittances are added to open batches only.</source>
        <translation>El lote {number} está {status}: las remesas solo se añaden a lotes abiertos.</translation>
    </message>
    <message>
        <source>Batch {number} is {status}: remittances are removed from open batches only.</source>
        <translation>El lote {number} está {status}: las remesas solo se quitan de lotes abiertos.</translation>
    </message>
    <message>
        <source>Batch {number} has no such remittance.</source>
        <translation>El lote {number} no tiene esa remesa.</translation>
    </message>
    <message>
        <source>Batch {number} does not balance: {differences}.</source>
        <translation>El lote {number} no cuadra: {differences}.</translation>
    </message>
    <message>
        <source>item {seq} ({problem})</source>
        <translation>elemento {seq} ({problem})</translation>
    </message>
    <message>
        <source>{items} and {more} more</source>
        <translation>{items} y {more} más</translation>
    </message>
    <message>
        <source>Look at the suspect items first: {items}.</source>
        <translation>Revise primero los elementos sospechosos: {items}.</translation>
    </message>
    <message>
        <source>Check each amount against the tape, and count the remittances again.</source>
        <translation>Compare cada importe con la cinta y cuente de nuevo las remesas.</translation>
    </message>
    <message>
        <source>rejecting the batch</source>
        <translation>rechazar el lote</translation>
    </message>
    <message>
        <source>Batch {number} cannot post: it does not balance: {differences}.</source>
        <translation>El lote {number} no se puede registrar: no cuadra: {differences}.</translation>
    </message>
</context>
<context>
    <name>mail_documents</name>
    <message>
        <source>Could not save the PDF in {parent}: {strerror}.</source>
        <translation>No se pudo guardar el PDF en {parent}: {strerror}.</translation>
    </message>
    <message>
        <source>print mail receipts</source>
        <translation>imprimir recibos de correo</translation>
    </message>
    <message>
        <source>Choose to print the receipt or to save it as a PDF.</source>
        <translation>Elija imprimir el recibo o guardarlo como PDF.</translation>
    </message>
    <message>
        <source>There is no such mail remittance.</source>
        <translation>No existe esa remesa de correo.</translation>
    </message>
    <message>
        <source>Item {seq} is not posted yet: its receipt exists once the batch posts.</source>
        <translation>El elemento {seq} aún no está registrado: su recibo existe cuando se registra el lote.</translation>
    </message>
    <message>
        <source>print mail proof lists</source>
        <translation>imprimir listas de comprobación de correo</translation>
    </message>
</context>
<context>
    <name>mail_entry</name>
    <message>
        <source>The stub is for account {account}, not {typed}. Scan the right stub or clear the account.</source>
        <translation>El talón es de la cuenta {account}, no de {typed}. Escanee el talón correcto o borre la cuenta.</translation>
    </message>
    <message>
        <source>Type the amount of the check.</source>
        <translation>Escriba el importe del cheque.</translation>
    </message>
    <message>
        <source>The amount must be more than $0.00.</source>
        <translation>El importe debe ser mayor que $0.00.</translation>
    </message>
    <message>
        <source>The amount is over the largest allowed, {largest}.</source>
        <translation>El importe supera el máximo permitido, {largest}.</translation>
    </message>
    <message>
        <source>Cash that came by mail is taken at the counter, into your drawer, not in a mail batch.</source>
        <translation>El efectivo que llega por correo se recibe en el mostrador, en su cajón, no en un lote de correo.</translation>
    </message>
    <message>
        <source>A mail remittance is a check or a money order.</source>
        <translation>Una remesa de correo es un cheque o un giro postal.</translation>
    </message>
    <message>
        <source>Scan the stub or type the account number.</source>
        <translation>Escanee el talón o escriba el número de cuenta.</translation>
    </message>
    <message>
        <source>Keep the payer&apos;s name under 120 characters.</source>
        <translation>Escriba el nombre del pagador en menos de 120 caracteres.</translation>
    </message>
    <message>
        <source>No account {account}. Check the number on the stub.</source>
        <translation>No hay cuenta {account}. Revise el número del talón.</translation>
    </message>
    <message>
        <source>Account {number} is closed: set the remittance aside for a supervisor, who takes it at the counter.</source>
        <translation>La cuenta {number} está cerrada: aparte la remesa para un supervisor, que la recibe en el mostrador.</translation>
    </message>
    <message>
        <source>Account {number} is cash only: its check cannot be taken. Set it aside to send back to the customer.</source>
        <translation>La cuenta {number} es solo de efectivo: no se puede recibir su cheque. Apártelo para devolverlo al cliente.</translation>
    </message>
</context>
<context>
    <name>mail_log</name>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Routed to</source>
        <translation>Enviado a</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Logged by</source>
        <translation>Registrado por</translation>
    </message>
    <message>
        <source>Mail log</source>
        <translation>Registro de correo</translation>
    </message>
    <message>
        <source>Mail log — documents that are not payments</source>
        <translation>Registro de correo — documentos que no son pagos</translation>
    </message>
    <message>
        <source>Court documents, applications, correspondence: type what it is, who sent it, its reference, the division it goes to and any notes. Enter moves on; Enter on the notes logs it and starts the next one. Alt+D changes the date received; Alt+P saves the day&apos;s log as a PDF to print; Esc closes.</source>
        <translation>Documentos judiciales, solicitudes, correspondencia: escriba qué es, quién lo envía, su referencia, la división a la que va y cualquier nota. Intro avanza; Intro en las notas lo registra y empieza el siguiente. Alt+D cambia la fecha de recepción; Alt+P guarda el registro del día en PDF para imprimir; Esc cierra.</translation>
    </message>
    <message>
        <source>Court document, application, correspondence…</source>
        <translation>Documento judicial, solicitud, correspondencia…</translation>
    </message>
    <message>
        <source>A person, a business, a court</source>
        <translation>Una persona, un negocio, un tribunal</translation>
    </message>
    <message>
        <source>Case, account or application number</source>
        <translation>Número de caso, de cuenta o de solicitud</translation>
    </message>
    <message>
        <source>Type the first letters of the division</source>
        <translation>Escriba las primeras letras de la división</translation>
    </message>
    <message>
        <source>&amp;Date received:</source>
        <translation>&amp;Fecha de recepción:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Referencia:</translation>
    </message>
    <message>
        <source>Routed t&amp;o:</source>
        <translation>Envia&amp;do a:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>&amp;Log it</source>
        <translation>&amp;Registrarlo</translation>
    </message>
    <message>
        <source>&amp;Print the day&apos;s log (PDF)</source>
        <translation>&amp;Imprimir el registro del día (PDF)</translation>
    </message>
    <message>
        <source>Type what the document is (court document, application, …).</source>
        <translation>Escriba qué es el documento (documento judicial, solicitud, …).</translation>
    </message>
    <message>
        <source>Type who sent it.</source>
        <translation>Escriba quién lo envió.</translation>
    </message>
    <message>
        <source>Choose the division it goes to: {join}. Type its first letters.</source>
        <translation>Elija la división a la que va: {join}. Escriba sus primeras letras.</translation>
    </message>
    <message>
        <source>Type what the document is.</source>
        <translation>Escriba qué es el documento.</translation>
    </message>
    <message>
        <source>The document could not be logged ({exc}). Call your supervisor.</source>
        <translation>No se pudo registrar el documento ({exc}). Llame a su supervisor.</translation>
    </message>
    <message>
        <source>Logged no. {id}: {doc_type} from {sender}, routed to {routed_to}. Next document: type what it is.</source>
        <translation>Registrado n.º {id}: {doc_type} de {sender}, enviado a {routed_to}. Documento siguiente: escriba qué es.</translation>
    </message>
    <message>
        <source>The day&apos;s log could not be read ({exc}).</source>
        <translation>No se pudo leer el registro del día ({exc}).</translation>
    </message>
    <message>
        <source>{count} document{value2} logged as received on {date_text}</source>
        <translation>Documentos registrados como recibidos el {date_text}: {count}</translation>
    </message>
    <message>
        <source>The mail log of {date_text} is saved: {path}. Print it and keep it with the day&apos;s papers.</source>
        <translation>El registro de correo del {date_text} está guardado: {path}. Imprímalo y guárdelo con los papeles del día.</translation>
    </message>
    <message>
        <source>The day&apos;s log could not be saved ({exc}). Call your supervisor.</source>
        <translation>No se pudo guardar el registro del día ({exc}). Llame a su supervisor.</translation>
    </message>
    <message>
        <source>Court document</source>
        <translation>Documento judicial</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Correspondence</source>
        <translation>Correspondencia</translation>
    </message>
    <message>
        <source>Legal notice</source>
        <translation>Aviso legal</translation>
    </message>
    <message>
        <source>Permit or licence form</source>
        <translation>Formulario de permiso o licencia</translation>
    </message>
    <message>
        <source>Tax form (no payment)</source>
        <translation>Formulario de impuestos (sin pago)</translation>
    </message>
    <message>
        <source>Returned mail</source>
        <translation>Correo devuelto</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>type</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>from</source>
        <translation>remitente</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>referencia</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <source>log the mail</source>
        <translation>registrar el correo</translation>
    </message>
    <message>
        <source>Never type a card number (in the {key}). If a card number came in the mail, black it out on the paper; log the document without it.</source>
        <translation>Nunca escriba un número de tarjeta (en el campo {key}). Si llegó un número de tarjeta por correo, táchelo en el papel; registre el documento sin él.</translation>
    </message>
    <message>
        <source>{caption} field</source>
        <translation>el campo {caption}</translation>
    </message>
    <message>
        <source>The {key} is too long: at most {limit} characters ({typed} typed).</source>
        <translation>El campo {key} es demasiado largo: como máximo {limit} caracteres ({typed} escritos).</translation>
    </message>
    <message>
        <source>Choose the kind of document (court document, application, correspondence, …).</source>
        <translation>Elija el tipo de documento (documento judicial, solicitud, correspondencia, …).</translation>
    </message>
    <message>
        <source>Type who sent it (a person, a business, a court).</source>
        <translation>Escriba quién lo envió (una persona, una empresa, un tribunal).</translation>
    </message>
    <message>
        <source>Choose the division it goes to: {divisions}.</source>
        <translation>Elija la división a la que va: {divisions}.</translation>
    </message>
    <message>
        <source>No divisions are set up for the mail log (setting mail.divisions): call your administrator.</source>
        <translation>No hay divisiones configuradas para el registro de correo (ajuste mail.divisions): llame a su administrador.</translation>
    </message>
    <message>
        <source>The date received ({day:%m/%d/%Y}) is after today: mail cannot arrive tomorrow.</source>
        <translation>La fecha de recepción ({day:%m/%d/%Y}) es posterior a hoy: el correo no puede llegar mañana.</translation>
    </message>
    <message>
        <source>The date received ({day:%m/%d/%Y}) is more than {MAX_DAYS_BACK} days ago: ask your supervisor how to log old mail.</source>
        <translation>La fecha de recepción ({day:%m/%d/%Y}) es de hace más de {MAX_DAYS_BACK} días: pregunte a su supervisor cómo registrar correo antiguo.</translation>
    </message>
    <message>
        <source>read the mail log</source>
        <translation>leer el registro de correo</translation>
    </message>
    <message>
        <source>print the mail log</source>
        <translation>imprimir el registro de correo</translation>
    </message>
    <message>
        <source>Could not save the mail log PDF in {where}: {strerror}.</source>
        <translation>No se pudo guardar el PDF del registro de correo en {where}: {strerror}.</translation>
    </message>
</context>
<context>
    <name>mail_posting</name>
    <message>
        <source>Batch {number} has a remittance without an account: remove it first.</source>
        <translation>El lote {number} tiene una remesa sin cuenta: quítela primero.</translation>
    </message>
    <message>
        <source>item {seq}: {refusal}</source>
        <translation>elemento {seq}: {refusal}</translation>
    </message>
    <message>
        <source>Batch {number} cannot post: {problems}</source>
        <translation>El lote {number} no se puede registrar: {problems}</translation>
    </message>
</context>
<context>
    <name>mail_reversal</name>
    <message>
        <source>Batch {number} has no such remittance.</source>
        <translation>El lote {number} no tiene esa remesa.</translation>
    </message>
    <message>
        <source>Batch {number} is not posted: take the remittance out of the batch instead.</source>
        <translation>El lote {number} no está registrado: en su lugar, saque la remesa del lote.</translation>
    </message>
    <message>
        <source>Item {seq} of batch {number} is already reversed.</source>
        <translation>El elemento {seq} del lote {number} ya está revertido.</translation>
    </message>
    <message>
        <source>The business day {business_date} is closed and its deposit made: item {seq} can no longer be reversed. A supervisor records a returned check or a correction instead.</source>
        <translation>El día contable {business_date} está cerrado y su depósito hecho: el elemento {seq} ya no se puede revertir. En su lugar, un supervisor registra un cheque devuelto o una corrección.</translation>
    </message>
    <message>
        <source>reverse mail payments</source>
        <translation>revertir pagos por correo</translation>
    </message>
    <message>
        <source>the reversal (for example: keyed to the wrong account)</source>
        <translation>la reversión (por ejemplo: se aplicó a la cuenta equivocada)</translation>
    </message>
    <message>
        <source>The credit this remittance left on account {number} has been used since; it cannot be reversed. A supervisor records a correction instead.</source>
        <translation>El crédito que esta remesa dejó en la cuenta {number} ya se ha usado; no se puede revertir. En su lugar, un supervisor registra una corrección.</translation>
    </message>
    <message>
        <source>Receipt {number} has a returned check recorded: its payment is off the bills already, so item {seq} cannot be reversed. A supervisor records a correction instead.</source>
        <translation>El recibo {number} tiene un cheque devuelto registrado: su pago ya se quitó de las facturas, así que la partida {seq} no se puede revertir. En su lugar, un supervisor registra una corrección.</translation>
    </message>
</context>
<context>
    <name>mail_views</name>
    <message>
        <source>There is no mail batch {batch_id}.</source>
        <translation>No existe el lote de correo {batch_id}.</translation>
    </message>
    <message>
        <source>Batch {number} belongs to {owner}: only they or a supervisor may change it.</source>
        <translation>El lote {number} es de {owner}: solo esa persona o un supervisor pueden cambiarlo.</translation>
    </message>
    <message>
        <source>Give the reason for {example}.</source>
        <translation>Indique el motivo de {example}.</translation>
    </message>
    <message>
        <source>Keep the reason under 200 characters.</source>
        <translation>Escriba el motivo en menos de 200 caracteres.</translation>
    </message>
    <message>
        <source>Never type a card number. Key the account, the check number and the payer only.</source>
        <translation>Nunca escriba un número de tarjeta. Escriba solo la cuenta, el número de cheque y el pagador.</translation>
    </message>
    <message>
        <source>text typed</source>
        <translation>el texto escrito</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>No drawer open: you can look up accounts. Open your drawer (Ctrl+Shift+D) to take payments.</source>
        <translation>Ningún cajón abierto: puede consultar cuentas. Abra su cajón (Ctrl+Shift+D) para cobrar.</translation>
    </message>
    <message>
        <source>&amp;Change my password…</source>
        <translation>&amp;Cambiar mi contraseña…</translation>
    </message>
    <message>
        <source>&amp;Lock the station</source>
        <translation>&amp;Bloquear la estación</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <source>Save a &amp;PDF copy of a receipt…</source>
        <translation>Guardar una copia en &amp;PDF de un recibo…</translation>
    </message>
    <message>
        <source>&amp;Station</source>
        <translation>&amp;Estación</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>Registro de &amp;auditoría…</translation>
    </message>
    <message>
        <source>Returned check (&amp;NSF)…</source>
        <translation>Cheque devuelto (&amp;sin fondos)…</translation>
    </message>
    <message>
        <source>&amp;Close the day and export the deposit…</source>
        <translation>&amp;Cerrar el día y exportar el depósito…</translation>
    </message>
    <message>
        <source>&amp;Find a payment…</source>
        <translation>&amp;Buscar un pago…</translation>
    </message>
    <message>
        <source>&amp;Reports…</source>
        <translation>&amp;Informes…</translation>
    </message>
    <message>
        <source>&amp;Delinquency run…</source>
        <translation>Proceso de &amp;morosidad…</translation>
    </message>
    <message>
        <source>Super&amp;visor</source>
        <translation>Super&amp;visor</translation>
    </message>
    <message>
        <source>&amp;Open my drawer (count the float)…</source>
        <translation>&amp;Abrir mi cajón (contar el fondo)…</translation>
    </message>
    <message>
        <source>&amp;Reprint the last receipt</source>
        <translation>&amp;Reimprimir el último recibo</translation>
    </message>
    <message>
        <source>&amp;Void a receipt…</source>
        <translation>A&amp;nular un recibo…</translation>
    </message>
    <message>
        <source>Retry &amp;printing</source>
        <translation>Reintentar la &amp;impresión</translation>
    </message>
    <message>
        <source>&amp;No sale (open drawer)…</source>
        <translation>&amp;Sin venta (abrir el cajón)…</translation>
    </message>
    <message>
        <source>&amp;Answers and referrals…</source>
        <translation>Respuestas y r&amp;emisiones…</translation>
    </message>
    <message>
        <source>S&amp;upplies and forms…</source>
        <translation>Su&amp;ministros y formularios…</translation>
    </message>
    <message>
        <source>&amp;Service orders…</source>
        <translation>Órdenes de ser&amp;vicio…</translation>
    </message>
    <message>
        <source>Account s&amp;tatement…</source>
        <translation>Es&amp;tado de cuenta…</translation>
    </message>
    <message>
        <source>Pay&amp;ment arrangements…</source>
        <translation>Con&amp;venios de pago…</translation>
    </message>
    <message>
        <source>C&amp;ounter</source>
        <translation>M&amp;ostrador</translation>
    </message>
    <message>
        <source>Mail &amp;batches…</source>
        <translation>&amp;Lotes de correo…</translation>
    </message>
    <message>
        <source>Mail &amp;log…</source>
        <translation>&amp;Registro de correo…</translation>
    </message>
    <message>
        <source>Sales &amp;tax return…</source>
        <translation>Declaración de &amp;impuesto sobre ventas…</translation>
    </message>
    <message>
        <source>&amp;Delinquent filers…</source>
        <translation>&amp;Declarantes morosos…</translation>
    </message>
    <message>
        <source>&amp;Mail</source>
        <translation>&amp;Correo</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>The language could not be saved: {problem}</source>
        <translation>No se pudo guardar el idioma: {problem}</translation>
    </message>
    <message>
        <source>The window stays in {language}.</source>
        <translation>La ventana sigue en {language}.</translation>
    </message>
    <message>
        <source>Saved: the window will be in {language} from the next start of cashdesk.</source>
        <translation>Guardado: la ventana estará en {language} a partir del próximo inicio de cashdesk.</translation>
    </message>
    <message>
        <source>Your drawer is open already ({drawer_label}).</source>
        <translation>Su cajón ya está abierto ({drawer_label}).</translation>
    </message>
    <message>
        <source>Drawer open with a float of {opening_float}. Scan a bill stub or search for an account.</source>
        <translation>Cajón abierto con un fondo de {opening_float}. Escanee un talón o busque una cuenta.</translation>
    </message>
</context>
<context>
    <name>micr</name>
    <message>
        <source>The check reader sent nothing. Run the check through again.</source>
        <translation>El lector de cheques no envió nada. Pase el cheque de nuevo.</translation>
    </message>
    <message>
        <source>The check reader sent characters it should not. Run the check through again or type the check number.</source>
        <translation>El lector de cheques envió caracteres que no debía. Pase el cheque de nuevo o escriba el número de cheque.</translation>
    </message>
    <message>
        <source>No routing number found on the check. Run it through again or type the check number.</source>
        <translation>No se encontró un número de ruta en el cheque. Páselo de nuevo o escriba el número de cheque.</translation>
    </message>
    <message>
        <source>The routing number {routing} does not pass its check. Run the check through again.</source>
        <translation>El número de ruta {routing} no pasa su verificación. Pase el cheque de nuevo.</translation>
    </message>
    <message>
        <source>No account number found after the routing number. Type the check number instead.</source>
        <translation>No se encontró un número de cuenta después del número de ruta. Escriba el número de cheque en su lugar.</translation>
    </message>
    <message>
        <source>No check number on the MICR line. Type the check number.</source>
        <translation>No hay número de cheque en la línea MICR. Escriba el número de cheque.</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>{name}
{address}
Account {account} · {status} · {balance}</source>
        <translation>{name}
{address}
Cuenta {account} · {status} · {balance}</translation>
    </message>
    <message>
        <source>{date_text} (past due)</source>
        <translation>{date_text} (vencido)</translation>
    </message>
    <message>
        <source>Past due since {date_text}</source>
        <translation>Vencido desde el {date_text}</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Sec.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Estación</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Éxito</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Event {seq}, {at} UTC</source>
        <translation>Evento {seq}, {at} UTC</translation>
    </message>
</context>
<context>
    <name>money</name>
    <message>
        <source>Enter an amount.</source>
        <translation>Escriba un importe.</translation>
    </message>
    <message>
        <source>&quot;{raw}&quot; is not an amount. Type dollars and cents, like 125.50.</source>
        <translation>&quot;{raw}&quot; no es un importe. Escriba dólares y centavos, como 125.50.</translation>
    </message>
    <message>
        <source>An amount has at most two digits after the decimal point.</source>
        <translation>Un importe tiene como máximo dos dígitos después del punto decimal.</translation>
    </message>
    <message>
        <source>&quot;{raw}&quot; is not an amount.</source>
        <translation>&quot;{raw}&quot; no es un importe.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>El importe no puede ser negativo.</translation>
    </message>
    <message>
        <source>The amount must be more than $0.00.</source>
        <translation>El importe debe ser mayor que $0.00.</translation>
    </message>
    <message>
        <source>The amount is over the largest allowed, {maximum}.</source>
        <translation>El importe supera el máximo permitido, {maximum}.</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not an amount in the form 1234.50.</source>
        <translation>&quot;{text}&quot; no es un importe con el formato 1234.50.</translation>
    </message>
</context>
<context>
    <name>office</name>
    <message>
        <source>The office&apos;s address may not carry a password: it would be kept in the database and shown in logs. Put the password in the station account&apos;s ~/.pgpass file or in PGPASSWORD (docs/office.md).</source>
        <translation>La dirección de la oficina no puede llevar una contraseña: se guardaría en la base de datos y se mostraría en los registros. Ponga la contraseña en el archivo ~/.pgpass de la cuenta de la estación o en PGPASSWORD (docs/office.md).</translation>
    </message>
    <message>
        <source>That is not an office address: {exc}.</source>
        <translation>Esa no es una dirección de oficina: {exc}.</translation>
    </message>
    <message>
        <source>set up the office server</source>
        <translation>configurar el servidor de la oficina</translation>
    </message>
    <message>
        <source>The office server at {office} could not be set up: {exc}</source>
        <translation>No se pudo configurar el servidor de la oficina en {office}: {exc}</translation>
    </message>
    <message>
        <source>join this window to an office</source>
        <translation>unir esta ventanilla a una oficina</translation>
    </message>
    <message>
        <source>This window is station {station} (station.id in its settings), not {other}. Set station.id first, so that its receipt numbers and the office agree.</source>
        <translation>Esta ventanilla es la estación {station} (station.id en sus ajustes), no {other}. Primero cambie station.id, para que sus números de recibo y la oficina coincidan.</translation>
    </message>
    <message>
        <source>This window already belongs to the office at {office} (as station {station}).</source>
        <translation>Esta ventanilla ya pertenece a la oficina en {office} (como estación {station}).</translation>
    </message>
    <message>
        <source>The office server at {office} did not answer: {exc}. Nothing was changed; join again once it answers.</source>
        <translation>El servidor de la oficina en {office} no respondió: {exc}. No se cambió nada; vuelva a unirse cuando responda.</translation>
    </message>
    <message>
        <source>This window holds {mine:,} accounts of its own and the office at {office} holds {theirs:,} others. A window joins an office with the office&apos;s accounts: start it on a new database (cashdesk init), join, and its first sync brings them.</source>
        <translation>Esta ventanilla tiene {mine:,} cuentas propias y la oficina en {office} tiene otras {theirs:,}. Una ventanilla se une a una oficina con las cuentas de la oficina: iníciela con una base de datos nueva (cashdesk init), únala y su primera sincronización las traerá.</translation>
    </message>
    <message>
        <source>This window has not joined an office: `cashdesk station join --office URL` first.</source>
        <translation>Esta ventanilla no se ha unido a ninguna oficina: primero `cashdesk station join --office URL`.</translation>
    </message>
    <message>
        <source>balances as of {as_of}</source>
        <translation>saldos de la última conexión ({as_of})</translation>
    </message>
    <message>
        <source>balances as this window last had them</source>
        <translation>saldos tal como los tuvo esta ventanilla la última vez</translation>
    </message>
    <message>
        <source>The office is unreachable — {when}</source>
        <translation>No hay conexión con la oficina — {when}</translation>
    </message>
    <message>
        <source>1 change</source>
        <translation>1 cambio</translation>
    </message>
    <message>
        <source>{count:,} changes</source>
        <translation>{count:,} cambios</translation>
    </message>
    <message>
        <source>Payments go on here and are sent when the office answers ({changes} waiting). Another window&apos;s payments since then are not in these balances. Why: {problem}</source>
        <translation>Los pagos siguen aquí y se envían cuando la oficina responda ({changes} en espera). Los pagos de otras ventanillas desde entonces no están en estos saldos. Motivo: {problem}</translation>
    </message>
    <message>
        <source> since {as_of}</source>
        <translation> desde {as_of}</translation>
    </message>
    <message>
        <source>of this window</source>
        <translation>de esta ventanilla</translation>
    </message>
    <message>
        <source>{doing} waits for the office: the office at {office} does not answer ({exc}). Other windows&apos; payments{since} may not be in this window&apos;s balances. Nothing was changed; do it again once the office answers.</source>
        <translation>{doing} espera a la oficina: la oficina ({office}) no responde ({exc}). Es posible que los pagos de otras ventanillas{since} no estén en los saldos de esta ventanilla. No se cambió nada; vuelva a hacerlo cuando la oficina responda.</translation>
    </message>
    <message>
        <source>This window has not joined an office.</source>
        <translation>Esta ventanilla no se ha unido a ninguna oficina.</translation>
    </message>
    <message>
        <source>merge a window&apos;s file into the office</source>
        <translation>combinar el archivo de una ventanilla en la oficina</translation>
    </message>
    <message>
        <source>This file&apos;s receipts were not taken at one station ({stations}): it cannot be merged as one window&apos;s.</source>
        <translation>Los recibos de este archivo no se tomaron en una sola estación ({stations}): no se puede combinar como el de una sola ventanilla.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>The office server at {office} did not answer: {exc}. What was merged stays; merge again to finish (nothing is doubled).</source>
        <translation>El servidor de la oficina en {office} no respondió: {exc}. Lo ya combinado se queda; vuelva a combinar para terminar (nada se duplica).</translation>
    </message>
    <message>
        <source>The office server at {office} did not answer: {exc}</source>
        <translation>El servidor de la oficina en {office} no respondió: {exc}</translation>
    </message>
</context>
<context>
    <name>office_day</name>
    <message>
        <source>This window has not joined an office: {doing} from a window of the office (`cashdesk station join --office URL` first).</source>
        <translation>Esta ventanilla no se ha unido a ninguna oficina: {doing} desde una ventanilla de la oficina (primero `cashdesk station join --office URL`).</translation>
    </message>
    <message>
        <source>drawer {drawer} ({cashier})</source>
        <translation>cajón {drawer} ({cashier})</translation>
    </message>
    <message>
        <source>a drawer still open: {listed}</source>
        <translation>un cajón aún abierto: {listed}</translation>
    </message>
    <message>
        <source>drawers still open: {listed}</source>
        <translation>cajones aún abiertos: {listed}</translation>
    </message>
    <message>
        <source>mail batches not posted: {batches}</source>
        <translation>lotes de correo sin registrar: {batches}</translation>
    </message>
    <message>
        <source>never heard from (its sender has not reached the office)</source>
        <translation>nunca se comunicó (su envío no ha llegado a la oficina)</translation>
    </message>
    <message>
        <source>{count:,} changes still to send when last heard from at {when}</source>
        <translation>{count:,} cambios aún por enviar en su última comunicación, el {when}</translation>
    </message>
    <message>
        <source>not heard from since {when}: what it took since may not be at the office</source>
        <translation>sin comunicación desde el {when}: lo que cobró desde entonces puede no estar en la oficina</translation>
    </message>
    <message>
        <source>{station}&apos;s receipts of {day} pay {count} bills the office does not have (bills made at that window, as a tax return&apos;s or a service order&apos;s fee, do not reach the office yet): the office&apos;s deposit of the day cannot be made. Close and export the day at each window instead.</source>
        <translation>Los recibos del {day} de {station} pagan {count} facturas que la oficina no tiene (las facturas hechas en esa ventanilla, como el cargo de una declaración o de una orden de servicio, aún no llegan a la oficina): no se puede hacer el depósito del día de la oficina. En su lugar, cierre y exporte el día en cada ventanilla.</translation>
    </message>
    <message>
        <source>The office&apos;s journal of {day} does not balance: {exc} Nothing was done.</source>
        <translation>El diario de la oficina del {day} no cuadra: {exc} No se hizo nada.</translation>
    </message>
    <message>
        <source>The office&apos;s books of {day} do not tie: the journal puts {banked} in the bank and the deposit is {deposit}. Nothing was done.</source>
        <translation>Las cuentas de la oficina del {day} no coinciden: el diario pone {banked} en el banco y el depósito es de {deposit}. No se hizo nada.</translation>
    </message>
    <message>
        <source>close the office&apos;s business day</source>
        <translation>cerrar el día contable de la oficina</translation>
    </message>
    <message>
        <source>the office&apos;s day is closed</source>
        <translation>el día de la oficina se cierra</translation>
    </message>
    <message>
        <source>The office&apos;s business day {day} is already closed (by {user} at {station}, {when}).</source>
        <translation>El día contable {day} de la oficina ya está cerrado (por {user} en {station}, {when}).</translation>
    </message>
    <message>
        <source>The office&apos;s business day {day} has not begun: today is {today}.</source>
        <translation>El día contable {day} de la oficina no ha comenzado: hoy es {today}.</translation>
    </message>
    <message>
        <source>this window keeps</source>
        <translation>esta ventanilla lo mantiene</translation>
    </message>
    <message>
        <source>these windows keep</source>
        <translation>estas ventanillas lo mantienen</translation>
    </message>
    <message>
        <source>The office&apos;s business day {day} cannot close: {which} it open: {windows}. Close the drawers and post the mail batches at those windows and let their senders reach the office (`cashdesk sync`), then close again.</source>
        <translation>El día contable {day} de la oficina no se puede cerrar: {which} abierto: {windows}. Cierre los cajones y registre los lotes de correo en esas ventanillas, deje que sus envíos lleguen a la oficina (`cashdesk sync`) y vuelva a cerrarlo.</translation>
    </message>
    <message>
        <source>The office&apos;s business day {day} was closed by another supervisor meanwhile.</source>
        <translation>Otro supervisor cerró mientras tanto el día contable {day} de la oficina.</translation>
    </message>
    <message>
        <source>The office server at {office} did not answer: {exc}. The office&apos;s day close waits for the office: nothing was closed; close it again once the office answers.</source>
        <translation>El servidor de la oficina en {office} no respondió: {exc}. El cierre del día de la oficina espera a la oficina: no se cerró nada; vuelva a cerrarlo cuando la oficina responda.</translation>
    </message>
    <message>
        <source>prepare the office&apos;s deposit</source>
        <translation>preparar el depósito de la oficina</translation>
    </message>
    <message>
        <source>the office&apos;s deposit is exported</source>
        <translation>el depósito de la oficina se exporta</translation>
    </message>
    <message>
        <source>The office&apos;s business day {day} is not closed yet: close it first (`cashdesk office close-day`), then export its deposit.</source>
        <translation>El día contable {day} de la oficina aún no está cerrado: primero ciérrelo (`cashdesk office close-day`) y luego exporte su depósito.</translation>
    </message>
    <message>
        <source>The office&apos;s deposit of {day} was not exported: its rows at the office changed since the office closed the day:
{differences}
Nothing was written. A window posted to the day after the office&apos;s close: find out which (`cashdesk office status`) before the deposit goes to the bank.</source>
        <translation>El depósito de la oficina del {day} no se exportó: sus filas en la oficina cambiaron desde que la oficina cerró el día:
{differences}
No se escribió nada. Una ventanilla registró en ese día después del cierre de la oficina: averigüe cuál (`cashdesk office status`) antes de que el depósito vaya al banco.</translation>
    </message>
    <message>
        <source>The office server at {office} did not answer: {exc}. The office&apos;s deposit waits for the office; export again once it answers.</source>
        <translation>El servidor de la oficina en {office} no respondió: {exc}. El depósito de la oficina espera a la oficina; vuelva a exportarlo cuando responda.</translation>
    </message>
</context>
<context>
    <name>office_master</name>
    <message>
        <source>import accounts into the office</source>
        <translation>importar cuentas a la oficina</translation>
    </message>
    <message>
        <source>The office server at {office} did not answer: {exc}. Nothing was changed.</source>
        <translation>El servidor de la oficina en {office} no respondió: {exc}. No se cambió nada.</translation>
    </message>
    <message>
        <source>The office at {office} already holds {count:,} accounts. demo-data only fills an office with none, so nothing was changed.</source>
        <translation>La oficina en {office} ya tiene {count:,} cuentas. demo-data solo llena una oficina sin cuentas, así que no se cambió nada.</translation>
    </message>
    <message>
        <source>The office at {office} has no schema yet: run `cashdesk office init --url …` first. Nothing was changed.</source>
        <translation>La oficina en {office} aún no tiene esquema: primero ejecute `cashdesk office init --url …`. No se cambió nada.</translation>
    </message>
    <message>
        <source>The office server at {office} did not answer: {exc}. Nothing was changed at the office; run the command again once it answers.</source>
        <translation>El servidor de la oficina en {office} no respondió: {exc}. No se cambió nada en la oficina; vuelva a ejecutar el comando cuando responda.</translation>
    </message>
    <message>
        <source>The office&apos;s accounts at {office} were changed by another load meanwhile: nothing of this one was written. Run it again.</source>
        <translation>Otra carga cambió mientras tanto las cuentas de la oficina en {office}: no se escribió nada de esta. Vuelva a ejecutarla.</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <source>That could not be done ({exc}). Call your supervisor.</source>
        <translation>No se pudo hacer ({exc}). Llame a su supervisor.</translation>
    </message>
</context>
<context>
    <name>order_files</name>
    <message>
        <source>export the crew sheet</source>
        <translation>exportar la hoja de la cuadrilla</translation>
    </message>
    <message>
        <source>{path} cannot be read ({strerror}). Check the name.</source>
        <translation>No se puede leer {path} ({strerror}). Revise el nombre.</translation>
    </message>
    <message>
        <source>{path_name} is larger than {MAX_BYTES:,} bytes: it is not a completions file.</source>
        <translation>{path_name} tiene más de {MAX_BYTES:,} bytes: no es un archivo de trabajos terminados.</translation>
    </message>
    <message>
        <source>{path_name} cannot be read: {exc}</source>
        <translation>No se puede leer {path_name}: {exc}</translation>
    </message>
    <message>
        <source>{path_name} has no {missing} column: the first line must be {completions_header}.</source>
        <translation>{path_name} no tiene la columna {missing}: la primera línea debe ser {completions_header}.</translation>
    </message>
    <message>
        <source>{path_name} has more than {MAX_ROWS:,} rows.</source>
        <translation>{path_name} tiene más de {MAX_ROWS:,} filas.</translation>
    </message>
    <message>
        <source>take the completions file</source>
        <translation>recibir el archivo de trabajos terminados</translation>
    </message>
</context>
<context>
    <name>order_hooks</name>
    <message>
        <source>look up accounts</source>
        <translation>consultar cuentas</translation>
    </message>
    <message>
        <source>A payment orders the reconnect and adds its fee: {fee} (after hours).</source>
        <translation>Un pago pide la reconexión y añade su cargo: {fee} (fuera de horario).</translation>
    </message>
    <message>
        <source>A payment orders the reconnect and adds its fee: {fee} (business hours).</source>
        <translation>Un pago pide la reconexión y añade su cargo: {fee} (en horario de oficina).</translation>
    </message>
</context>
<context>
    <name>overrides</name>
    <message>
        <source>You cannot approve your own action; another supervisor must.</source>
        <translation>No puede aprobar su propia acción; debe aprobarla otro supervisor.</translation>
    </message>
    <message>
        <source>{user_id} ({role_label}) may not approve overrides. A supervisor must approve.</source>
        <translation>{user_id} ({role_label}) no puede dar aprobaciones. Debe aprobarlo un supervisor.</translation>
    </message>
    <message>
        <source>This needs a supervisor&apos;s approval.</source>
        <translation>Esto necesita la aprobación de un supervisor.</translation>
    </message>
    <message>
        <source>That approval is not on record. Ask a supervisor to approve it again.</source>
        <translation>Esa aprobación no está registrada. Pida a un supervisor que la apruebe de nuevo.</translation>
    </message>
    <message>
        <source>That approval was already used. Ask a supervisor to approve again.</source>
        <translation>Esa aprobación ya se usó. Pida a un supervisor que apruebe de nuevo.</translation>
    </message>
    <message>
        <source>That approval was for something else ({label} for {requested_by}). Ask a supervisor to approve this action.</source>
        <translation>Esa aprobación era para otra cosa ({label} para {requested_by}). Pida a un supervisor que apruebe esta acción.</translation>
    </message>
    <message>
        <source>That approval was given at station {station}. Ask a supervisor to approve it here.</source>
        <translation>Esa aprobación se dio en la estación {station}. Pida a un supervisor que la apruebe aquí.</translation>
    </message>
    <message>
        <source>That approval has expired (an approval is good for {minutes} minutes). Ask a supervisor to approve again.</source>
        <translation>Esa aprobación venció (una aprobación vale {minutes} minutos). Pida a un supervisor que apruebe de nuevo.</translation>
    </message>
</context>
<context>
    <name>paper_warning</name>
    <message>
        <source>Receipt paper low at {station}: about {percent_left}% of the roll is left. Put in a new roll soon, then record it: Supplies ({SUPPLIES_KEY}), {paper_item}, F6 issued, 1.</source>
        <translation>Queda poco papel de recibos en {station}: queda alrededor del {percent_left}% del rollo. Ponga un rollo nuevo pronto y regístrelo: Suministros ({SUPPLIES_KEY}), {paper_item}, F6 entregado, 1.</translation>
    </message>
</context>
<context>
    <name>password</name>
    <message>
        <source>The two new passwords are not the same. Type the new password twice.</source>
        <translation>Las dos contraseñas nuevas no son iguales. Escriba la contraseña nueva dos veces.</translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation>Elija una contraseña nueva</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Cambiar mi contraseña</translation>
    </message>
    <message>
        <source>At least {min_length} characters, not your user id, and not one of your recent passwords.</source>
        <translation>Al menos {min_length} caracteres, que no sea su usuario ni una de sus contraseñas recientes.</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>Contraseña &amp;actual:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>Contraseña &amp;nueva:</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password:</source>
        <translation>&amp;Repita la contraseña nueva:</translation>
    </message>
    <message>
        <source>C&amp;hange password</source>
        <translation>Ca&amp;mbiar la contraseña</translation>
    </message>
    <message>
        <source>{user_id}: your password was set by an administrator. Choose your own before you start. Esc signs you out.</source>
        <translation>{user_id}: su contraseña la puso un administrador. Elija la suya antes de empezar. Esc cierra la sesión.</translation>
    </message>
    <message>
        <source>{user_id}: type your current password, then the new one twice.</source>
        <translation>{user_id}: escriba su contraseña actual y luego la nueva dos veces.</translation>
    </message>
    <message>
        <source>Type your current password first.</source>
        <translation>Escriba primero su contraseña actual.</translation>
    </message>
    <message>
        <source>Type the new password.</source>
        <translation>Escriba la contraseña nueva.</translation>
    </message>
    <message>
        <source>The password could not be changed ({exc}). Call your supervisor.</source>
        <translation>No se pudo cambiar la contraseña ({exc}). Llame a su supervisor.</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>Comprobando la contraseña…</translation>
    </message>
</context>
<context>
    <name>payer_entry</name>
    <message>
        <source>the name of the person paying</source>
        <translation>el nombre de la persona que paga</translation>
    </message>
    <message>
        <source>Pa&amp;yer:</source>
        <translation>Pa&amp;gador:</translation>
    </message>
    <message>
        <source>Enter keeps the name; it prints on the receipt. Esc leaves it as it was.</source>
        <translation>Intro guarda el nombre; se imprime en el recibo. Esc lo deja como estaba.</translation>
    </message>
    <message>
        <source>payer&apos;s name</source>
        <translation>nombre del pagador</translation>
    </message>
    <message>
        <source>Payer: {payer}</source>
        <translation>Pagador: {payer}</translation>
    </message>
</context>
<context>
    <name>payment_imports</name>
    <message>
        <source>{exc} Nothing was changed.</source>
        <translation>{exc} No se cambió nada.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {strerror}.</source>
        <translation>No se puede leer {path}: {strerror}.</translation>
    </message>
    <message>
        <source>{name} has more than {limit:,} payments; a payments file may hold at most that many (the setting imports.payments_max_rows). Nothing was changed. Split the file, or ask the administrator to raise the limit.</source>
        <translation>{name} tiene más de {limit:,} pagos; un archivo de pagos puede contener como máximo esa cantidad (el ajuste imports.payments_max_rows). No se cambió nada. Divida el archivo o pida al administrador que aumente el límite.</translation>
    </message>
    <message>
        <source>import mail payments</source>
        <translation>importar pagos por correo</translation>
    </message>
    <message>
        <source>{found_name} was imported already, as batch {earlier}. Nothing was changed.</source>
        <translation>{found_name} ya se importó, como lote {earlier}. No se cambió nada.</translation>
    </message>
</context>
<context>
    <name>payments</name>
    <message>
        <source>Never type a card number. Take only the brand, last four digits and approval code.</source>
        <translation>Nunca escriba un número de tarjeta. Tome solo la marca, los últimos cuatro dígitos y el código de aprobación.</translation>
    </message>
    <message>
        <source>Keep the {what} under {limit} characters.</source>
        <translation>Escriba {what} en menos de {limit} caracteres.</translation>
    </message>
    <message>
        <source>take payments</source>
        <translation>recibir pagos</translation>
    </message>
    <message>
        <source>The receipt is empty: add an account or a misc item first.</source>
        <translation>El recibo está vacío: añada primero una cuenta o un concepto varios.</translation>
    </message>
    <message>
        <source>A receipt holds at most {MAX_LINES} lines. Post this one and start another.</source>
        <translation>Un recibo tiene como máximo {MAX_LINES} líneas. Registre este y empiece otro.</translation>
    </message>
    <message>
        <source>payer&apos;s name</source>
        <translation>el nombre del pagador</translation>
    </message>
    <message>
        <source>memo</source>
        <translation>el memo</translation>
    </message>
    <message>
        <source>Every line must be more than $0.00.</source>
        <translation>Cada línea debe ser mayor que $0.00.</translation>
    </message>
    <message>
        <source>&quot;{language}&quot; is not a language a receipt prints in ({languages}).</source>
        <translation>&quot;{language}&quot; no es un idioma en que se imprima un recibo ({languages}).</translation>
    </message>
    <message>
        <source>The approval given is not for anything on this receipt.</source>
        <translation>La aprobación dada no es para nada de este recibo.</translation>
    </message>
    <message>
        <source>There is no revenue code {revenue_code}. Choose one from the list.</source>
        <translation>No existe el código de ingreso {revenue_code}. Elija uno de la lista.</translation>
    </message>
    <message>
        <source>No account {account}. Check the number.</source>
        <translation>No hay cuenta {account}. Revise el número.</translation>
    </message>
    <message>
        <source>Account {number} is cash only: take cash, not a check or card.</source>
        <translation>La cuenta {number} es solo de efectivo: reciba efectivo, no un cheque ni una tarjeta.</translation>
    </message>
    <message>
        <source>The drawer would hold {would_hold}, more than the {limit} limit. Make a cash drop to the safe first (Ctrl+Shift+C), or take a check or card.</source>
        <translation>El cajón tendría {would_hold}, más que el límite de {limit}. Haga primero un retiro de efectivo a la caja fuerte (Ctrl+Shift+C), o reciba un cheque o una tarjeta.</translation>
    </message>
</context>
<context>
    <name>print_queue</name>
    <message>
        <source>out of paper</source>
        <translation>sin papel</translation>
    </message>
    <message>
        <source>cover open</source>
        <translation>con la tapa abierta</translation>
    </message>
    <message>
        <source>printer error</source>
        <translation>con un error</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <source>not answering</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <source>no printer</source>
        <translation>no configurada</translation>
    </message>
    <message>
        <source>pdf folder</source>
        <translation>(carpeta de PDF)</translation>
    </message>
    <message>
        <source>1 receipt may not have printed: check the printer, then Retry reprints it or Dismiss</source>
        <translation>Puede que 1 recibo no se haya impreso: revise la impresora; luego Reintentar lo reimprime, o Descartar</translation>
    </message>
    <message>
        <source>{n} receipts may not have printed: check the printer, then Retry reprints them or Dismiss</source>
        <translation>Puede que {n} recibos no se hayan impreso: revise la impresora; luego Reintentar los reimprime, o Descartar</translation>
    </message>
    <message>
        <source>1 print job may not have printed: check the printer, then Retry reprints it or Dismiss</source>
        <translation>Puede que 1 trabajo de impresión no se haya impreso: revise la impresora; luego Reintentar lo reimprime, o Descartar</translation>
    </message>
    <message>
        <source>{n} print jobs may not have printed: check the printer, then Retry reprints them or Dismiss</source>
        <translation>Puede que {n} trabajos de impresión no se hayan impreso: revise la impresora; luego Reintentar los reimprime, o Descartar</translation>
    </message>
    <message>
        <source>A receipt did not print</source>
        <translation>Un recibo no se imprimió</translation>
    </message>
    <message>
        <source>not printing</source>
        <translation>sin imprimir</translation>
    </message>
    <message>
        <source>{receipts_waiting} receipt{value2} waiting</source>
        <translation>Recibos en espera: {receipts_waiting}</translation>
    </message>
    <message>
        <source>{waiting} print job{value2} waiting</source>
        <translation>Trabajos de impresión en espera: {waiting}</translation>
    </message>
    <message>
        <source>Printer {state} — {what}</source>
        <translation>Impresora {state} — {what}</translation>
    </message>
    <message>
        <source>The printer setting cannot be used: {exc}</source>
        <translation>No se puede usar el ajuste de la impresora: {exc}</translation>
    </message>
    <message>
        <source>Printing failed: {message}</source>
        <translation>Falló la impresión: {message}</translation>
    </message>
</context>
<context>
    <name>printers</name>
    <message>
        <source>the printer at {address}</source>
        <translation>la impresora en {address}</translation>
    </message>
    <message>
        <source>Printer offline: cannot find the printer&apos;s address {host} (the name lookup failed or took too long).</source>
        <translation>Impresora sin conexión: no se encuentra la dirección de la impresora {host} (la búsqueda del nombre falló o tardó demasiado).</translation>
    </message>
    <message>
        <source>Printer offline: {printer} refused the connection.</source>
        <translation>Impresora sin conexión: {printer} rechazó la conexión.</translation>
    </message>
    <message>
        <source>Printer offline: {printer} did not answer within {seconds:g} s.</source>
        <translation>Impresora sin conexión: {printer} no respondió en {seconds:g} s.</translation>
    </message>
    <message>
        <source>Printer offline: cannot reach {printer} ({why}).</source>
        <translation>Impresora sin conexión: no se puede llegar a {printer} ({why}).</translation>
    </message>
    <message>
        <source>Printer not answering: {printer} stopped taking data.</source>
        <translation>La impresora no responde: {printer} dejó de recibir datos.</translation>
    </message>
    <message>
        <source>Printer not answering: {printer} took the connection but did not answer.</source>
        <translation>La impresora no responde: {printer} aceptó la conexión pero no respondió.</translation>
    </message>
    <message>
        <source>Printer connection lost: {printer} closed the connection.</source>
        <translation>Se perdió la conexión con la impresora: {printer} cerró la conexión.</translation>
    </message>
    <message>
        <source>Printer not answering: {printer} does not answer status queries.</source>
        <translation>La impresora no responde: {printer} no contesta a las consultas de estado.</translation>
    </message>
    <message>
        <source>Printer did not confirm: the whole receipt went to {printer}, but it did not answer after it.</source>
        <translation>La impresora no confirmó: el recibo entero se envió a {printer}, pero no respondió después.</translation>
    </message>
    <message>
        <source>the printer file {path}</source>
        <translation>el archivo de impresora {path}</translation>
    </message>
    <message>
        <source>Printer unavailable: cannot open {path} ({why}).</source>
        <translation>Impresora no disponible: no se puede abrir {path} ({why}).</translation>
    </message>
    <message>
        <source>Printer not answering: {printer} is not taking data.</source>
        <translation>La impresora no responde: {printer} no recibe datos.</translation>
    </message>
    <message>
        <source>Printer connection lost: writing to {printer} failed ({why}).</source>
        <translation>Se perdió la conexión con la impresora: falló la escritura en {printer} ({why}).</translation>
    </message>
    <message>
        <source>the PDF folder {folder}</source>
        <translation>la carpeta de PDF {folder}</translation>
    </message>
    <message>
        <source>Printer unavailable: cannot make {folder} ({why}).</source>
        <translation>Impresora no disponible: no se puede crear {folder} ({why}).</translation>
    </message>
    <message>
        <source>Printer unavailable: cannot write {path} ({why}).</source>
        <translation>Impresora no disponible: no se puede escribir {path} ({why}).</translation>
    </message>
    <message>
        <source>Printer unavailable: too many copies of {name} in {folder}.</source>
        <translation>Impresora no disponible: hay demasiadas copias de {name} en {folder}.</translation>
    </message>
    <message>
        <source>no printer</source>
        <translation>ninguna impresora</translation>
    </message>
    <message>
        <source>the pyusb package and libusb</source>
        <translation>el paquete pyusb y libusb</translation>
    </message>
    <message>
        <source>the pyserial package</source>
        <translation>el paquete pyserial</translation>
    </message>
    <message>
        <source>the pycups package and a CUPS server</source>
        <translation>el paquete pycups y un servidor CUPS</translation>
    </message>
    <message>
        <source>Windows and the pywin32 package</source>
        <translation>Windows y el paquete pywin32</translation>
    </message>
    <message>
        <source>Printer unavailable: cannot open {printer} ({why}).</source>
        <translation>Impresora no disponible: no se puede abrir {printer} ({why}).</translation>
    </message>
    <message>
        <source>Printer not answering: {printer} did not finish within {seconds:g} s.</source>
        <translation>La impresora no responde: {printer} no terminó en {seconds:g} s.</translation>
    </message>
    <message>
        <source>Printer connection lost: {printer} failed ({why}).</source>
        <translation>Se perdió la conexión con la impresora: {printer} falló ({why}).</translation>
    </message>
    <message>
        <source>Printer unavailable: this computer cannot print to {kind} printers; it needs {what}.</source>
        <translation>Impresora no disponible: este equipo no puede imprimir en impresoras {kind}; necesita {what}.</translation>
    </message>
    <message>
        <source>Printer connection lost: {printer} closed the connection ({why}).</source>
        <translation>Se perdió la conexión con la impresora: {printer} cerró la conexión ({why}).</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>There is no receipt {number}.</source>
        <translation>No existe el recibo {number}.</translation>
    </message>
    <message>
        <source>reprint receipts</source>
        <translation>reimprimir recibos</translation>
    </message>
    <message>
        <source>This receipt was reprinted already: a further copy needs a supervisor&apos;s approval.</source>
        <translation>Este recibo ya se reimprimió: otra copia necesita la aprobación de un supervisor.</translation>
    </message>
    <message>
        <source>A receipt could not be printed ({why}): the payment is saved; reprint it (Ctrl+P).</source>
        <translation>No se pudo imprimir un recibo ({why}): el pago está guardado; reimprímalo (Ctrl+P).</translation>
    </message>
    <message>
        <source>The printer did not take the job.</source>
        <translation>La impresora no aceptó el trabajo.</translation>
    </message>
    <message>
        <source>look after the printer</source>
        <translation>atender la impresora</translation>
    </message>
    <message>
        <source>The printer setting {spec!r} cannot be used: {exc}</source>
        <translation>No se puede usar el ajuste de impresora {spec!r}: {exc}</translation>
    </message>
    <message>
        <source>copy receipts</source>
        <translation>copiar recibos</translation>
    </message>
    <message>
        <source>Could not save the PDF in {folder}: {strerror}.</source>
        <translation>No se pudo guardar el PDF en {folder}: {strerror}.</translation>
    </message>
</context>
<context>
    <name>refunds</name>
    <message>
        <source>{kind} #{number}</source>
        <translation>{kind} n.º {number}</translation>
    </message>
    <message>
        <source>{amount} cash</source>
        <translation>{amount} en efectivo</translation>
    </message>
    <message>
        <source>check #{number}</source>
        <translation>el cheque n.º {number}</translation>
    </message>
    <message>
        <source>the check of {amount}</source>
        <translation>el cheque de {amount}</translation>
    </message>
    <message>
        <source>money order #{number}</source>
        <translation>el giro postal n.º {number}</translation>
    </message>
    <message>
        <source>the money order of {amount}</source>
        <translation>el giro postal de {amount}</translation>
    </message>
    <message>
        <source>refund {amount} to {brand} ****{last4} on the card terminal</source>
        <translation>reembolse {amount} a {brand} ****{last4} en el terminal de tarjetas</translation>
    </message>
    <message>
        <source>Hand back {what}</source>
        <translation>Devuelva {what}</translation>
    </message>
    <message>
        <source>Nothing to hand back.</source>
        <translation>No hay nada que devolver.</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} y {last}</translation>
    </message>
</context>
<context>
    <name>report_def</name>
    <message>
        <source>as of {day}</source>
        <translation>al {day}</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} a {end}</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Recibos</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Anulados</translation>
    </message>
    <message>
        <source>Cash receipts by revenue code</source>
        <translation>Cobros por código de ingreso</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>GL account</source>
        <translation>Cuenta contable</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Partidas</translation>
    </message>
    <message>
        <source>Cash receipts by GL account</source>
        <translation>Cobros por cuenta contable</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>Fondo</translation>
    </message>
    <message>
        <source>Cash receipts by fund</source>
        <translation>Cobros por fondo</translation>
    </message>
    <message>
        <source>Cash receipts by cashier</source>
        <translation>Cobros por cajero</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>Cash receipts by station</source>
        <translation>Cobros por estación</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Estación</translation>
    </message>
    <message>
        <source>Cash receipts by channel</source>
        <translation>Cobros por canal</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Cash receipts by tender</source>
        <translation>Cobros por forma de pago</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>Forma de pago</translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation>Pagos</translation>
    </message>
    <message>
        <source>Over/short history</source>
        <translation>Historial de sobrantes y faltantes</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Drawer</source>
        <translation>Cajón</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Contado</translation>
    </message>
    <message>
        <source>Over/short</source>
        <translation>Sobrante/faltante</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Aprobado por</translation>
    </message>
    <message>
        <source>Deposit history</source>
        <translation>Historial de depósitos</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>Cerrado por</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Depósito</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Comprobante</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>Bolsa</translation>
    </message>
    <message>
        <source>Bank confirmed</source>
        <translation>Confirmado por el banco</translation>
    </message>
    <message>
        <source>Bank amount</source>
        <translation>Importe del banco</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>Voids, NSF and overrides</source>
        <translation>Anulaciones, cheques devueltos y autorizaciones</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Solicitado por</translation>
    </message>
    <message>
        <source>Sales-tax filings</source>
        <translation>Declaraciones del impuesto sobre las ventas</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>Presentada el</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Total due</source>
        <translation>Total adeudado</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>Multa</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Intereses</translation>
    </message>
    <message>
        <source>current</source>
        <translation>al día</translation>
    </message>
    <message>
        <source>Delinquency aging by bucket</source>
        <translation>Antigüedad de la morosidad por tramo</translation>
    </message>
    <message>
        <source>Service type</source>
        <translation>Tipo de servicio</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Service-order backlog</source>
        <translation>Órdenes de servicio pendientes</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Órdenes</translation>
    </message>
    <message>
        <source>Oldest requested</source>
        <translation>Solicitada más antigua</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>Antigüedad (días)</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Atrasadas</translation>
    </message>
    <message>
        <source>Payment arrangements by state</source>
        <translation>Convenios de pago por estado</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Arrangements</source>
        <translation>Convenios</translation>
    </message>
    <message>
        <source>Debt covered</source>
        <translation>Deuda cubierta</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programado</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>0-7 days</source>
        <translation>0-7 días</translation>
    </message>
    <message>
        <source>8-30 days</source>
        <translation>8-30 días</translation>
    </message>
    <message>
        <source>31-60 days</source>
        <translation>31-60 días</translation>
    </message>
    <message>
        <source>61+ days</source>
        <translation>61+ días</translation>
    </message>
    <message>
        <source>Receipts per day by tender</source>
        <translation>Recibos por día y forma de pago</translation>
    </message>
    <message>
        <source>Over/short by cashier</source>
        <translation>Sobrante/faltante por cajero</translation>
    </message>
    <message>
        <source>What is owed by age</source>
        <translation>Lo adeudado por antigüedad</translation>
    </message>
    <message>
        <source>all accounts</source>
        <translation>todas las cuentas</translation>
    </message>
    <message>
        <source>Open orders by age</source>
        <translation>Órdenes abiertas por antigüedad</translation>
    </message>
    <message>
        <source>Arrangements by state</source>
        <translation>Convenios por estado</translation>
    </message>
    <message>
        <source>arrangements</source>
        <translation>convenios</translation>
    </message>
    <message>
        <source>run reports</source>
        <translation>generar informes</translation>
    </message>
    <message>
        <source>Give the first and the last day of the report (--from and --to).</source>
        <translation>Indique el primer y el último día del informe (--from y --to).</translation>
    </message>
    <message>
        <source>The report&apos;s first day, {start}, is after its last day, {end}.</source>
        <translation>El primer día del informe, {start}, es posterior a su último día, {end}.</translation>
    </message>
    <message>
        <source>A report covers at most three years: choose a shorter range.</source>
        <translation>Un informe abarca como máximo tres años: elija un periodo más corto.</translation>
    </message>
    <message>
        <source>There is no report called {name!r}. `cashdesk report --list` names them.</source>
        <translation>No hay ningún informe llamado {name!r}. `cashdesk report --list` los nombra.</translation>
    </message>
    <message>
        <source>The {definition_title} report needs data this database does not hold yet.</source>
        <translation>El informe {definition_title} necesita datos que esta base de datos aún no tiene.</translation>
    </message>
    <message>
        <source>A report is written as pdf or csv, not {fmt!r}.</source>
        <translation>Un informe se escribe como pdf o csv, no {fmt!r}.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist. Make it first, or name another with --out.</source>
        <translation>La carpeta {folder} no existe. Créela primero o indique otra con --out.</translation>
    </message>
    <message>
        <source>The report could not be written to {folder}: {strerror}.</source>
        <translation>No se pudo escribir el informe en {folder}: {strerror}.</translation>
    </message>
</context>
<context>
    <name>reports_window</name>
    <message>
        <source>Reports — Station {station}</source>
        <translation>Informes — Estación {station}</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>&amp;Informe:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>Enter: show.  {PDF_KEY}: save as PDF.  {CSV_KEY}: save as CSV.  {ADHOC_KEY}: run the ad hoc report.  {SAVE_KEY}: save it under its name.  Esc: close.</source>
        <translation>Intro: mostrar.  {PDF_KEY}: guardar en PDF.  {CSV_KEY}: guardar en CSV.  {ADHOC_KEY}: ejecutar el informe a medida.  {SAVE_KEY}: guardarlo con su nombre.  Esc: cerrar.</translation>
    </message>
    <message>
        <source>Ad hoc report</source>
        <translation>Informe a medida</translation>
    </message>
    <message>
        <source>status = posted; amount &gt;= 100; payer contains garcia</source>
        <translation>status = posted; amount &gt;= 100; payer contains garcia</translation>
    </message>
    <message>
        <source>a name to save it under, like big-checks</source>
        <translation>un nombre para guardarlo, como cheques-grandes</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>&amp;Asunto:</translation>
    </message>
    <message>
        <source>F&amp;ilters:</source>
        <translation>&amp;Filtros:</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>A&amp;grupar por:</translation>
    </message>
    <message>
        <source>T&amp;otals:</source>
        <translation>T&amp;otales:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>one of: {fields} (empty: one line a record)</source>
        <translation>uno de: {fields} (vacío: una línea por registro)</translation>
    </message>
    <message>
        <source>amounts to total: {money}</source>
        <translation>importes a totalizar: {money}</translation>
    </message>
    <message>
        <source>{name} (saved)</source>
        <translation>{name} (guardado)</translation>
    </message>
    <message>
        <source>The reports could not be listed ({exc}).</source>
        <translation>No se pudieron listar los informes ({exc}).</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Leyendo…</translation>
    </message>
    <message>
        <source>The report could not be made ({exc}).</source>
        <translation>No se pudo hacer el informe ({exc}).</translation>
    </message>
    <message>
        <source>{title}, {period}: {n} row{value6}.</source>
        <translation>{title}, {period}: {n} fila(s).</translation>
    </message>
    <message>
        <source>The ad hoc report could not be made ({exc}).</source>
        <translation>No se pudo hacer el informe a medida ({exc}).</translation>
    </message>
    <message>
        <source>The report could not be saved ({exc}).</source>
        <translation>No se pudo guardar el informe ({exc}).</translation>
    </message>
    <message>
        <source>{kept} (saved)</source>
        <translation>{kept} (guardado)</translation>
    </message>
    <message>
        <source>Saved as {kept}: choose it under Report to run it again.</source>
        <translation>Guardado como {kept}: elíjalo en Informe para ejecutarlo otra vez.</translation>
    </message>
    <message>
        <source>Show a report first (Enter).</source>
        <translation>Muestre primero un informe (Intro).</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>Guardado {path}.</translation>
    </message>
</context>
<context>
    <name>research</name>
    <message>
        <source>Say what the customer remembers: a receipt, check or money-order number, the card&apos;s last four digits and the date, an amount, a name, an account or dates.</source>
        <translation>Diga lo que el cliente recuerda: un número de recibo, de cheque o de giro postal, los últimos cuatro dígitos de la tarjeta y la fecha, un importe, un nombre, una cuenta o fechas.</translation>
    </message>
    <message>
        <source>A card is found by its last four digits, like 4242: never the whole number.</source>
        <translation>Una tarjeta se busca por sus últimos cuatro dígitos, como 4242: nunca por el número completo.</translation>
    </message>
    <message>
        <source>With a card&apos;s last four digits, give the date of the payment too (on 2026-11-03).</source>
        <translation>Con los últimos cuatro dígitos de una tarjeta, indique también la fecha del pago (on 2026-11-03).</translation>
    </message>
    <message>
        <source>The channel is one of {channels}, not {channel!r}.</source>
        <translation>El canal es uno de {channels}, no {channel!r}.</translation>
    </message>
    <message>
        <source>The amount range runs from the smaller amount to the larger, like 50..60.</source>
        <translation>El rango de importes va del importe menor al mayor, como 50..60.</translation>
    </message>
    <message>
        <source>The dates run from the earlier to the later.</source>
        <translation>Las fechas van de la anterior a la posterior.</translation>
    </message>
    <message>
        <source>{exc} An amount range is written 40..50.</source>
        <translation>{exc} Un rango de importes se escribe 40..50.</translation>
    </message>
    <message>
        <source>{text!r} is not a date; write it as YYYY-MM-DD or MM/DD/YYYY.</source>
        <translation>{text!r} no es una fecha; escríbala como AAAA-MM-DD o MM/DD/AAAA.</translation>
    </message>
    <message>
        <source>Give a value after {word!r}.</source>
        <translation>Indique un valor después de {word!r}.</translation>
    </message>
    <message>
        <source>look up payments</source>
        <translation>consultar pagos</translation>
    </message>
</context>
<context>
    <name>restore</name>
    <message>
        <source>Another restore into {database} is under way ({copy_name} is being written). Wait for it to end, then try again.</source>
        <translation>Ya hay otra restauración en curso en {database} (se está escribiendo {copy_name}). Espere a que termine y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Not restored: the restored copy did not check out ({problem}). The database was left as it was.</source>
        <translation>No se restauró: la copia restaurada no pasó la revisión ({problem}). La base de datos quedó como estaba.</translation>
    </message>
    <message>
        <source>Not restored: could not write beside {database}: {strerror}. The database was left as it was.</source>
        <translation>No se restauró: no se pudo escribir junto a {database}: {strerror}. La base de datos quedó como estaba.</translation>
    </message>
    <message>
        <source>Not restored: {exc}. The database was left as it was.</source>
        <translation>No se restauró: {exc}. La base de datos quedó como estaba.</translation>
    </message>
    <message>
        <source>That is the database itself, not a backup of it.</source>
        <translation>Esa es la propia base de datos, no una copia de seguridad de ella.</translation>
    </message>
    <message>
        <source>{database} is a folder; give --db the database file.</source>
        <translation>{database} es una carpeta; dele a --db el archivo de la base de datos.</translation>
    </message>
    <message>
        <source>Not restored: {problem} The database was left as it was.</source>
        <translation>No se restauró: {problem} La base de datos quedó como estaba.</translation>
    </message>
    <message>
        <source>Not restored: {short} The database was left as it was.</source>
        <translation>No se restauró: {short} La base de datos quedó como estaba.</translation>
    </message>
    <message>
        <source>Not restored: there is no database at {database}, but there is {side_name} beside it, which SQLite would read into the restored database. Move it to another folder, then restore again.</source>
        <translation>No se restauró: no hay base de datos en {database}, pero junto a ella está {side_name}, que SQLite leería dentro de la base de datos restaurada. Muévalo a otra carpeta y luego restaure de nuevo.</translation>
    </message>
    <message>
        <source>Not restored: the backup has an older schema ({revision}) and could not be brought up to schema {HEAD_REVISION} ({why}). The database was left as it was.</source>
        <translation>No se restauró: la copia tiene un esquema anterior ({revision}) y no se pudo llevar al esquema {HEAD_REVISION} ({why}). La base de datos quedó como estaba.</translation>
    </message>
    <message>
        <source>Not restored: {database} is in use (a window or a command has it open). Close every cashdesk window that uses it, then restore. The database was left as it was.</source>
        <translation>No se restauró: {database} está en uso (una ventana o un comando la tiene abierta). Cierre todas las ventanas de cashdesk que la usan y luego restaure. La base de datos quedó como estaba.</translation>
    </message>
    <message>
        <source>Not restored: {database} could not be taken out of use. Close every cashdesk window that uses it, then restore. The database was left as it was.</source>
        <translation>No se restauró: no se pudo dejar de usar {database}. Cierre todas las ventanas de cashdesk que la usan y luego restaure. La base de datos quedó como estaba.</translation>
    </message>
</context>
<context>
    <name>returned_checks</name>
    <message>
        <source>Never type a card number. Give the reason in words.</source>
        <translation>Nunca escriba un número de tarjeta. Escriba el motivo con palabras.</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>There is no receipt {receipt_number}.</source>
        <translation>No existe el recibo {receipt_number}.</translation>
    </message>
    <message>
        <source>Receipt {number} is void: there is no payment to reverse.</source>
        <translation>El recibo {number} está anulado: no hay ningún pago que revertir.</translation>
    </message>
    <message>
        <source>Receipt {number} has no check #{check_number}.</source>
        <translation>El recibo {number} no tiene el cheque n.º {check_number}.</translation>
    </message>
    <message>
        <source>Check #{reference} on {number} is already recorded as returned.</source>
        <translation>El cheque n.º {reference} de {number} ya está registrado como devuelto.</translation>
    </message>
    <message>
        <source>Only {amount} of check #{reference} can be taken back from the accounts it paid; the rest paid misc items. Record the rest with the department.</source>
        <translation>Solo {amount} del cheque n.º {reference} se puede retirar de las cuentas que pagó; el resto pagó conceptos varios. Registre el resto con el departamento.</translation>
    </message>
    <message>
        <source>record a returned check</source>
        <translation>registrar un cheque devuelto</translation>
    </message>
    <message>
        <source>Receipt {number} paid no account, so there is no account to charge the returned check to. Record it with the department that issued the permit or fee.</source>
        <translation>El recibo {number} no pagó ninguna cuenta, así que no hay cuenta a la cual cargar el cheque devuelto. Regístrelo con el departamento que emitió el permiso o la tarifa.</translation>
    </message>
</context>
<context>
    <name>scanline</name>
    <message>
        <source>That is not a bill stub scan line: it should be 30 digits. Scan the stub again.</source>
        <translation>Esa no es una línea de escaneo de un talón de factura: debe tener 30 dígitos. Escanee el talón de nuevo.</translation>
    </message>
    <message>
        <source>The scan line has {digits} digits; a bill stub has {LENGTH}. Scan the stub again or type the account.</source>
        <translation>La línea de escaneo tiene {digits} dígitos; un talón de factura tiene {LENGTH}. Escanee el talón de nuevo o escriba la cuenta.</translation>
    </message>
    <message>
        <source>The scan line&apos;s check digit is wrong: scan the stub again, or type the account number.</source>
        <translation>El dígito de control de la línea de escaneo no es correcto: escanee el talón de nuevo o escriba el número de cuenta.</translation>
    </message>
    <message>
        <source>The stub is of an unknown kind ({raw}). Type the account number instead.</source>
        <translation>El talón es de un tipo desconocido ({raw}). Escriba el número de cuenta en su lugar.</translation>
    </message>
    <message>
        <source>The stub&apos;s due date is not a real date. Type the account number instead.</source>
        <translation>La fecha de vencimiento del talón no es una fecha real. Escriba el número de cuenta en su lugar.</translation>
    </message>
    <message>
        <source>a utility bill</source>
        <translation>una factura de servicios públicos</translation>
    </message>
    <message>
        <source>a sales-tax notice</source>
        <translation>un aviso de impuesto sobre las ventas</translation>
    </message>
    <message>
        <source>a utility account</source>
        <translation>una cuenta de servicios públicos</translation>
    </message>
    <message>
        <source>a sales-tax account</source>
        <translation>una cuenta de impuesto sobre las ventas</translation>
    </message>
    <message>
        <source>This stub is {kind}, but account {number} is {account_kind}. Scan the stub that came with this payment, or type the account number.</source>
        <translation>Este talón es {kind}, pero la cuenta {number} es {account_kind}. Escanee el talón que vino con este pago o escriba el número de cuenta.</translation>
    </message>
</context>
<context>
    <name>security</name>
    <message>
        <source>Cashier</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Void a receipt</source>
        <translation>Anular un recibo</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Reembolso</translation>
    </message>
    <message>
        <source>Paid-out</source>
        <translation>Pago de caja</translation>
    </message>
    <message>
        <source>Accept a drawer variance over the limit</source>
        <translation>Aceptar una diferencia del cajón por encima del límite</translation>
    </message>
    <message>
        <source>Open the drawer without a sale</source>
        <translation>Abrir el cajón sin venta</translation>
    </message>
    <message>
        <source>Change a starting float</source>
        <translation>Cambiar un fondo inicial</translation>
    </message>
    <message>
        <source>Reprint a receipt again</source>
        <translation>Reimprimir un recibo otra vez</translation>
    </message>
    <message>
        <source>Take a payment on a closed account</source>
        <translation>Cobrar en una cuenta cerrada</translation>
    </message>
    <message>
        <source>Unlock another user&apos;s station</source>
        <translation>Desbloquear la estación de otro usuario</translation>
    </message>
    <message>
        <source>Count a cashier&apos;s drawer a second time</source>
        <translation>Contar el cajón de un cajero por segunda vez</translation>
    </message>
    <message>
        <source>Reverse a posted mail remittance</source>
        <translation>Revertir una remesa de correo registrada</translation>
    </message>
    <message>
        <source>A user id is 2 to 32 characters: lowercase letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter (like jsmith).</source>
        <translation>Un usuario tiene de 2 a 32 caracteres: minúsculas, dígitos, &apos;.&apos;, &apos;_&apos; o &apos;-&apos;, y empieza con una letra (como jsmith).</translation>
    </message>
    <message>
        <source>The password must be at least {min_length} characters long.</source>
        <translation>La contraseña debe tener al menos {min_length} caracteres.</translation>
    </message>
    <message>
        <source>The password must be at most {MAX_PASSWORD_LENGTH} characters long.</source>
        <translation>La contraseña debe tener como máximo {MAX_PASSWORD_LENGTH} caracteres.</translation>
    </message>
    <message>
        <source>The password cannot start or end with a space.</source>
        <translation>La contraseña no puede empezar ni terminar con un espacio.</translation>
    </message>
    <message>
        <source>The password cannot contain the user id.</source>
        <translation>La contraseña no puede contener el usuario.</translation>
    </message>
    <message>
        <source>The password must use more than three different characters.</source>
        <translation>La contraseña debe usar más de tres caracteres distintos.</translation>
    </message>
</context>
<context>
    <name>service_orders</name>
    <message>
        <source>Order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Service address</source>
        <translation>Dirección de servicio</translation>
    </message>
    <message>
        <source>Past due</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Service orders</source>
        <translation>Órdenes de servicio</translation>
    </message>
    <message>
        <source>Service orders — crews sent to a meter</source>
        <translation>Órdenes de servicio — cuadrillas enviadas a un medidor</translation>
    </message>
    <message>
        <source>New order: account, type, date, notes, each then Enter. Alt+F finds orders; Up/Down chooses one; Alt+D dispatch, Alt+C complete, Alt+X cancel, Alt+O not done, Alt+P print its ticket. Esc closes.</source>
        <translation>Orden nueva: cuenta, tipo, fecha, notas, cada uno seguido de Intro. Alt+F busca órdenes; Arriba/Abajo elige una; Alt+D despachar, Alt+C completar, Alt+X cancelar, Alt+O no realizada, Alt+P imprimir su boleta. Esc cierra.</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Número de cuenta</translation>
    </message>
    <message>
        <source>Start service, stop service, meter re-read…</source>
        <translation>Alta de servicio, baja de servicio, relectura del medidor…</translation>
    </message>
    <message>
        <source>Account or order number; empty: all open</source>
        <translation>Número de cuenta o de orden; vacío: todas las abiertas</translation>
    </message>
    <message>
        <source>paid, customer request, no access, done…</source>
        <translation>pagado, petición del cliente, sin acceso, hecho…</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Cuenta:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>Sch&amp;eduled:</source>
        <translation>Pro&amp;gramada:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>&amp;Reason / result:</source>
        <translation>&amp;Motivo / resultado:</translation>
    </message>
    <message>
        <source>Meter readin&amp;g:</source>
        <translation>&amp;Lectura del medidor:</translation>
    </message>
    <message>
        <source>&amp;Shut-off date:</source>
        <translation>Fecha de &amp;corte:</translation>
    </message>
    <message>
        <source>&amp;Dispatch</source>
        <translation>&amp;Despachar</translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation>&amp;Completar</translation>
    </message>
    <message>
        <source>Cancel (&amp;X)</source>
        <translation>Cancelar (&amp;X)</translation>
    </message>
    <message>
        <source>N&amp;ot done</source>
        <translation>N&amp;o realizada</translation>
    </message>
    <message>
        <source>&amp;Print ticket</source>
        <translation>Im&amp;primir boleta</translation>
    </message>
    <message>
        <source>Tic&amp;ket PDF</source>
        <translation>&amp;Boleta en PDF</translation>
    </message>
    <message>
        <source>Pre&amp;view shut-offs</source>
        <translation>&amp;Vista previa de cortes</translation>
    </message>
    <message>
        <source>Co&amp;mmit shut-offs</source>
        <translation>Confir&amp;mar cortes</translation>
    </message>
    <message>
        <source>Choose the type: {join}.</source>
        <translation>Elija el tipo: {join}.</translation>
    </message>
    <message>
        <source>; {fee} charged as an open item</source>
        <translation>; {fee} cargado como partida abierta</translation>
    </message>
    <message>
        <source>Order {number} created: {label} for {account}{fee}.</source>
        <translation>Orden {number} creada: {label} para {account}{fee}.</translation>
    </message>
    <message>
        <source>Choose an order in the list first (Alt+F, then Up/Down).</source>
        <translation>Elija primero una orden de la lista (Alt+F, luego Arriba/Abajo).</translation>
    </message>
    <message>
        <source>{number} dispatched.</source>
        <translation>{number} despachada.</translation>
    </message>
    <message>
        <source>{number} completed.</source>
        <translation>{number} completada.</translation>
    </message>
    <message>
        <source>{number} recorded as not done.</source>
        <translation>{number} registrada como no realizada.</translation>
    </message>
    <message>
        <source>The ticket of {number} is going to the receipt printer.</source>
        <translation>La boleta de {number} va a la impresora de recibos.</translation>
    </message>
    <message>
        <source>The ticket of {number} is saved: {done}</source>
        <translation>La boleta de {number} está guardada: {done}</translation>
    </message>
    <message>
        <source>; {held} held (medical, hold, arrangement)</source>
        <translation>; {held} exentas (médica, retención, convenio)</translation>
    </message>
    <message>
        <source>Shut-off list for {date_text}: {lines} account(s), {total} past due{held}.</source>
        <translation>Lista de cortes del {date_text}: {lines} cuenta(s), {total} vencido{held}.</translation>
    </message>
    <message>
        <source>Asking the office first: its balances, and whether another window committed this day&apos;s list…</source>
        <translation>Primero se consulta a la oficina: sus saldos y si otra ventanilla ya confirmó la lista de este día…</translation>
    </message>
    <message>
        <source>{door_tags} door tag(s) for {date_text}, {fees} in fees; each disconnect waits for its tag and the notice period.</source>
        <translation>{door_tags} aviso(s) de puerta para el {date_text}, {fees} en cargos; cada corte espera su aviso y el plazo de notificación.</translation>
    </message>
    <message>
        <source>Start service</source>
        <translation>Alta de servicio</translation>
    </message>
    <message>
        <source>Stop service</source>
        <translation>Baja de servicio</translation>
    </message>
    <message>
        <source>Door tag</source>
        <translation>Aviso de puerta</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Corte</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconexión</translation>
    </message>
    <message>
        <source>Meter re-read</source>
        <translation>Relectura del medidor</translation>
    </message>
    <message>
        <source>Meter check</source>
        <translation>Revisión del medidor</translation>
    </message>
    <message>
        <source>Transfer of service</source>
        <translation>Traspaso de servicio</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Despachada</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>No realizada</translation>
    </message>
    <message>
        <source>Its fee of {amount} is taken off the account.</source>
        <translation>Su cargo de {amount} se quita de la cuenta.</translation>
    </message>
    <message>
        <source>{amount} of the fee was paid already: refund it as a paid-out if the customer asks.</source>
        <translation>{amount} del cargo ya se pagó: reembólselo como pago de caja si el cliente lo pide.</translation>
    </message>
    <message>
        <source>Work order {number} is already {status}: it cannot change any more.</source>
        <translation>La orden de trabajo {number} ya está {status}: ya no puede cambiar.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>Work order {number} is {status}: it can only be {allowed} next.</source>
        <translation>La orden de trabajo {number} está {status}: ahora solo puede quedar {allowed}.</translation>
    </message>
    <message>
        <source>Give the reason work order {number} is cancelled: {reasons}.</source>
        <translation>Indique el motivo por el que se cancela la orden de trabajo {number}: {reasons}.</translation>
    </message>
    <message>
        <source>Say why work order {number} was not done (for example {items}).</source>
        <translation>Indique por qué no se hizo la orden de trabajo {number} (por ejemplo {items}).</translation>
    </message>
    <message>
        <source>Keep the reason under {MAX_REASON} characters.</source>
        <translation>Escriba el motivo en menos de {MAX_REASON} caracteres.</translation>
    </message>
    <message>
        <source>Disconnect {number} waits for its door tag to be hung (the tag is {tag_status}).</source>
        <translation>El corte {number} espera a que se cuelgue su aviso de puerta (la orden del aviso está {tag_status}).</translation>
    </message>
    <message>
        <source>Disconnect {number} waits for the {notice_hours}-hour notice after the door tag: not before {due:%Y-%m-%d %H:%M} UTC.</source>
        <translation>El corte {number} espera el aviso de {notice_hours} horas después del aviso de puerta: no antes de {due:%Y-%m-%d %H:%M} UTC.</translation>
    </message>
    <message>
        <source>No shut-offs on a {weekday} ({on}): choose another date.</source>
        <translation>No hay cortes un {weekday} ({on}): elija otra fecha.</translation>
    </message>
    <message>
        <source>{on} is a holiday: no shut-offs.</source>
        <translation>{on} es feriado: no hay cortes.</translation>
    </message>
    <message>
        <source>{on} is the day before a holiday: no shut-offs.</source>
        <translation>{on} es la víspera de un feriado: no hay cortes.</translation>
    </message>
    <message>
        <source>A supervisor put a temperature hold on {on}: no shut-offs.</source>
        <translation>Un supervisor suspendió los cortes el {on} por la temperatura: no hay cortes.</translation>
    </message>
    <message>
        <source>Medical certificate</source>
        <translation>Certificado médico</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Retención</translation>
    </message>
    <message>
        <source>Payment arrangement</source>
        <translation>Convenio de pago</translation>
    </message>
    <message>
        <source>Keep the {what} under {limit} characters.</source>
        <translation>Escriba {what} en menos de {limit} caracteres.</translation>
    </message>
    <message>
        <source>create work orders</source>
        <translation>crear órdenes de trabajo</translation>
    </message>
    <message>
        <source>Door tags and disconnects come from the shut-off list: ask a supervisor to run it.</source>
        <translation>Los avisos de puerta y los cortes salen de la lista de cortes: pida a un supervisor que la genere.</translation>
    </message>
    <message>
        <source>Give a priority from 1 (urgent) to 5.</source>
        <translation>Indique una prioridad de 1 (urgente) a 5.</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <source>{scheduled} has passed: schedule the order for today or later.</source>
        <translation>{scheduled} ya pasó: programe la orden para hoy o más adelante.</translation>
    </message>
    <message>
        <source>No utility account {account}. Check the number.</source>
        <translation>No hay cuenta de servicios públicos {account}. Revise el número.</translation>
    </message>
    <message>
        <source>look at work orders</source>
        <translation>consultar órdenes de trabajo</translation>
    </message>
    <message>
        <source>No status {status!r}: use {statuses}.</source>
        <translation>No existe el estado {status!r}: use {statuses}.</translation>
    </message>
    <message>
        <source>No order type {type!r}: use {types}.</source>
        <translation>No existe el tipo de orden {type!r}: use {types}.</translation>
    </message>
    <message>
        <source>No work order {number}. Check the number.</source>
        <translation>No existe la orden de trabajo {number}. Revise el número.</translation>
    </message>
    <message>
        <source>Give the meter reading of work order {number}.</source>
        <translation>Indique la lectura del medidor de la orden de trabajo {number}.</translation>
    </message>
    <message>
        <source>No utility account {transfer_to} to move the deposit to. Check the number.</source>
        <translation>No hay cuenta de servicios públicos {transfer_to} a la cual pasar el depósito. Revise el número.</translation>
    </message>
    <message>
        <source>dispatch work orders</source>
        <translation>despachar órdenes de trabajo</translation>
    </message>
    <message>
        <source>crew</source>
        <translation>la cuadrilla</translation>
    </message>
    <message>
        <source>complete work orders</source>
        <translation>completar órdenes de trabajo</translation>
    </message>
    <message>
        <source>result</source>
        <translation>el resultado</translation>
    </message>
    <message>
        <source>meter reading</source>
        <translation>la lectura del medidor</translation>
    </message>
    <message>
        <source>{number} cancelled.</source>
        <translation>{number} cancelada.</translation>
    </message>
    <message>
        <source>cancel work orders</source>
        <translation>cancelar órdenes de trabajo</translation>
    </message>
    <message>
        <source>record work orders not done</source>
        <translation>registrar órdenes de trabajo no realizadas</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
</context>
<context>
    <name>setting_keys</name>
    <message>
        <source>unknown time zone {zone!r}; use a name like America/Denver</source>
        <translation>zona horaria desconocida {zone!r}; use un nombre como America/Denver</translation>
    </message>
    <message>
        <source>a station id is 1 to 8 letters or digits, like W01</source>
        <translation>el identificador de una estación tiene de 1 a 8 letras o dígitos, como W01</translation>
    </message>
    <message>
        <source>must be a whole number above 0</source>
        <translation>debe ser un número entero mayor que 0</translation>
    </message>
    <message>
        <source>must be at most 10,000</source>
        <translation>debe ser como máximo 10,000</translation>
    </message>
    <message>
        <source>must be a whole number from {low} to {high}</source>
        <translation>debe ser un número entero de {low} a {high}</translation>
    </message>
    <message>
        <source>a cash drawer is on connector pin 2 or pin 5</source>
        <translation>un cajón de efectivo va en el pin 2 o el pin 5 del conector</translation>
    </message>
    <message>
        <source>give a file mode as three or four octal digits, like &quot;0640&quot; (owner and group read)</source>
        <translation>indique el modo de archivo con tres o cuatro dígitos octales, como &quot;0640&quot; (leen el propietario y el grupo)</translation>
    </message>
    <message>
        <source>&quot;{mode}&quot; would not let cashdesk read and write its own files: the owner needs 6, like &quot;0640&quot;</source>
        <translation>&quot;{mode}&quot; no dejaría a cashdesk leer y escribir sus propios archivos: el propietario necesita 6, como &quot;0640&quot;</translation>
    </message>
    <message>
        <source>&quot;{mode}&quot; would let anyone change the deposit files: others may read at most, like &quot;0644&quot;</source>
        <translation>&quot;{mode}&quot; dejaría a cualquiera cambiar los archivos del depósito: los demás pueden como mucho leer, como &quot;0644&quot;</translation>
    </message>
    <message>
        <source>give one Fund-Department-Object account, like 100-000-101100 (no {fund})</source>
        <translation>indique una sola cuenta Fondo-Departamento-Objeto, como 100-000-101100 (sin {fund})</translation>
    </message>
    <message>
        <source>the priority of {code!r} must be a whole number</source>
        <translation>la prioridad de {code!r} debe ser un número entero</translation>
    </message>
    <message>
        <source>{day!r} is not a date; write dates like &quot;2026-12-25&quot;</source>
        <translation>{day!r} no es una fecha; escriba las fechas como &quot;2026-12-25&quot;</translation>
    </message>
    <message>
        <source>the window speaks &quot;en&quot; (English) or &quot;es&quot; (Español)</source>
        <translation>la ventana habla &quot;en&quot; (English) o &quot;es&quot; (Español)</translation>
    </message>
    <message>
        <source>use &quot;fixed&quot;, &quot;multiple&quot; or &quot;none&quot;</source>
        <translation>use &quot;fixed&quot;, &quot;multiple&quot; o &quot;none&quot;</translation>
    </message>
</context>
<context>
    <name>shift</name>
    <message>
        <source>The drawer holds {cash}, at or over the limit of {limit}: make a cash drop to the safe now. Cash is refused until then (checks and cards are still taken).</source>
        <translation>El cajón tiene {cash}, en el límite de {limit} o por encima: haga ya un retiro de efectivo a la caja fuerte. Hasta entonces no se acepta efectivo (sí cheques y tarjetas).</translation>
    </message>
    <message>
        <source>The drawer holds {cash}, over {limit}: make a cash drop to the safe soon.</source>
        <translation>El cajón tiene {cash}, más de {limit}: haga pronto un retiro de efectivo a la caja fuerte.</translation>
    </message>
    <message>
        <source>see the drawer&apos;s cash</source>
        <translation>ver el efectivo del cajón</translation>
    </message>
    <message>
        <source>see the drawer&apos;s totals</source>
        <translation>ver los totales del cajón</translation>
    </message>
    <message>
        <source>make a cash drop</source>
        <translation>hacer un retiro de efectivo</translation>
    </message>
    <message>
        <source>Count the cash going to the safe: the drop is $0.00.</source>
        <translation>Cuente el efectivo que va a la caja fuerte: el retiro es de $0.00.</translation>
    </message>
    <message>
        <source>The drawer should hold only {cash}; a drop of {amount} is more than that. Count the drop again.</source>
        <translation>El cajón debería tener solo {cash}; un retiro de {amount} es más que eso. Cuente el retiro de nuevo.</translation>
    </message>
    <message>
        <source>Give the {what} ({example}).</source>
        <translation>Indique {what} ({example}).</translation>
    </message>
    <message>
        <source>pay out cash</source>
        <translation>hacer pagos de caja</translation>
    </message>
    <message>
        <source>A paid-out must be more than $0.00.</source>
        <translation>Un pago de caja debe ser mayor que $0.00.</translation>
    </message>
    <message>
        <source>reason for the paid-out</source>
        <translation>el motivo del pago de caja</translation>
    </message>
    <message>
        <source>for example: refund of an overpayment</source>
        <translation>por ejemplo: reembolso de un pago de más</translation>
    </message>
    <message>
        <source>payee&apos;s name</source>
        <translation>el nombre del beneficiario</translation>
    </message>
    <message>
        <source>who receives the cash</source>
        <translation>quién recibe el efectivo</translation>
    </message>
    <message>
        <source>Choose the account whose credit is refunded, or the revenue code the refund is charged to.</source>
        <translation>Elija la cuenta cuyo crédito se reembolsa, o el código de ingreso al que se carga el reembolso.</translation>
    </message>
    <message>
        <source>Give the payee&apos;s name: who receives the cash.</source>
        <translation>Indique el nombre del beneficiario: quién recibe el efectivo.</translation>
    </message>
    <message>
        <source>A refund of an account&apos;s credit has no revenue code: choose one or the other.</source>
        <translation>Un reembolso del crédito de una cuenta no lleva código de ingreso: elija uno u otro.</translation>
    </message>
    <message>
        <source>The drawer should hold only {cash}: it cannot pay out {amount}.</source>
        <translation>El cajón debería tener solo {cash}: no puede pagar {amount}.</translation>
    </message>
    <message>
        <source>There is no revenue code {code}. Choose one from the list.</source>
        <translation>No existe el código de ingreso {code}. Elija uno de la lista.</translation>
    </message>
    <message>
        <source>No account {number}. Check the number.</source>
        <translation>No hay cuenta {number}. Revise el número.</translation>
    </message>
    <message>
        <source>Account {number} holds a credit of {credit}: a refund cannot be more than that.</source>
        <translation>La cuenta {number} tiene un crédito de {credit}: un reembolso no puede ser mayor que eso.</translation>
    </message>
</context>
<context>
    <name>shift_dialogs</name>
    <message>
        <source>Drawer holds {cash} — over the limit of {block_limit}: no more cash until you make a cash drop ({DROP_KEY}).</source>
        <translation>El cajón tiene {cash} — por encima del límite de {block_limit}: no se acepta más efectivo hasta hacer un retiro ({DROP_KEY}).</translation>
    </message>
    <message>
        <source>Drawer holds {cash} — make a cash drop ({DROP_KEY}).</source>
        <translation>El cajón tiene {cash} — haga un retiro de efectivo ({DROP_KEY}).</translation>
    </message>
    <message>
        <source>Drawer work is done by cashiers and supervisors.</source>
        <translation>El trabajo con el cajón lo hacen los cajeros y los supervisores.</translation>
    </message>
    <message>
        <source>No drawer open: nothing to {what}. Open your drawer (Ctrl+Shift+D) first.</source>
        <translation>Ningún cajón abierto: no se puede {what}. Abra primero su cajón (Ctrl+Shift+D).</translation>
    </message>
    <message>
        <source>Finish this payment (F12) or cancel it (Esc in the search box) before you {what}.</source>
        <translation>Termine este pago (F12) o cancélelo (Esc en el cuadro de búsqueda) antes de {what}.</translation>
    </message>
    <message>
        <source>make a cash drop</source>
        <translation>hacer un retiro de efectivo</translation>
    </message>
    <message>
        <source>Cash drop {id}: {amount} to the safe. The drop slip is printing: put it with the cash in the safe bag.</source>
        <translation>Retiro {id}: {amount} a la caja fuerte. Se está imprimiendo el comprobante: póngalo con el efectivo en la bolsa de la caja fuerte.</translation>
    </message>
    <message>
        <source>pay out cash</source>
        <translation>pagar en efectivo</translation>
    </message>
    <message>
        <source> from account {account}</source>
        <translation> de la cuenta {account}</translation>
    </message>
    <message>
        <source>Paid out {amount}{to}. The paid-out slip is printing: the payee signs it.</source>
        <translation>Pagado {amount}{to}. Se está imprimiendo el comprobante de pago: lo firma quien recibe el dinero.</translation>
    </message>
    <message>
        <source>The X report is printing.</source>
        <translation>Se está imprimiendo el informe X.</translation>
    </message>
    <message>
        <source>The X report could not be made ({exc}). Call your supervisor.</source>
        <translation>No se pudo hacer el informe X ({exc}). Llame a su supervisor.</translation>
    </message>
    <message>
        <source>balance the drawer</source>
        <translation>cuadrar el cajón</translation>
    </message>
    <message>
        <source>Drawer {drawer_id} is closed ({over_short_text}); the Z report is printing. No drawer is open: open a new one with Ctrl+Shift+D (count the float).</source>
        <translation>El cajón {drawer_id} está cerrado ({over_short_text}); se está imprimiendo el informe Z. No hay ningún cajón abierto: abra uno nuevo con Ctrl+Shift+D (contar el fondo).</translation>
    </message>
</context>
<context>
    <name>shift_forms</name>
    <message>
        <source>Cash drop to the safe</source>
        <translation>Retiro de efectivo a la caja fuerte</translation>
    </message>
    <message>
        <source>Count the cash you take to the safe and type how many of each (an empty row counts as none). Enter goes to the next row; Enter on the last row goes to the button, Enter there records the drop and prints the drop slip. Esc cancels.</source>
        <translation>Cuente el efectivo que lleva a la caja fuerte y escriba cuántos hay de cada uno (una fila vacía cuenta como ninguno). Intro va a la fila siguiente; Intro en la última fila va al botón, e Intro allí registra el retiro e imprime el comprobante. Esc cancela.</translation>
    </message>
    <message>
        <source> The drawer should hold {drawer_cash}.</source>
        <translation> El cajón debería tener {drawer_cash}.</translation>
    </message>
    <message>
        <source>Cash to the safe</source>
        <translation>Efectivo a la caja fuerte</translation>
    </message>
    <message>
        <source>Drop $0.00</source>
        <translation>Retirar $0.00</translation>
    </message>
    <message>
        <source>&amp;Drop {total} to the safe</source>
        <translation>&amp;Retirar {total} a la caja fuerte</translation>
    </message>
    <message>
        <source>&amp;Drop</source>
        <translation>&amp;Retirar</translation>
    </message>
    <message>
        <source>The drop could not be recorded ({exc}). Keep the cash in the drawer and call your supervisor.</source>
        <translation>No se pudo registrar el retiro ({exc}). Deje el efectivo en el cajón y llame a su supervisor.</translation>
    </message>
    <message>
        <source>Paid-out (cash refund)</source>
        <translation>Pago de caja (reembolso en efectivo)</translation>
    </message>
    <message>
        <source>Cash paid out of the drawer: the refund of an account&apos;s credit (type the account), or a refund charged to a revenue code (leave the account empty; type the code and who receives the cash). A supervisor approves; a slip prints for the payee to sign.</source>
        <translation>Efectivo pagado del cajón: el reembolso del crédito de una cuenta (escriba la cuenta), o un reembolso cargado a un código de ingreso (deje la cuenta vacía; escriba el código y quién recibe el efectivo). Un supervisor lo aprueba; se imprime un comprobante para que lo firme quien lo recibe.</translation>
    </message>
    <message>
        <source>&amp;Pay out…</source>
        <translation>&amp;Pagar…</translation>
    </message>
    <message>
        <source>A&amp;ccount:</source>
        <translation>C&amp;uenta:</translation>
    </message>
    <message>
        <source>The account whose credit is refunded</source>
        <translation>La cuenta cuyo crédito se reembolsa</translation>
    </message>
    <message>
        <source>Re&amp;venue code:</source>
        <translation>Código de &amp;ingreso:</translation>
    </message>
    <message>
        <source>Only without an account, like PERMIT</source>
        <translation>Solo sin cuenta, como PERMIT</translation>
    </message>
    <message>
        <source>Pa&amp;yee:</source>
        <translation>&amp;Beneficiario:</translation>
    </message>
    <message>
        <source>Who receives the cash (the account&apos;s name if empty)</source>
        <translation>Quién recibe el efectivo (el nombre de la cuenta si está vacío)</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>&amp;Importe:</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>Mo&amp;tivo:</translation>
    </message>
    <message>
        <source>For example: refund of an overpayment</source>
        <translation>Por ejemplo: reembolso de un pago de más</translation>
    </message>
    <message>
        <source>Type the account whose credit is refunded, or (without an account) the revenue code the refund is charged to.</source>
        <translation>Escriba la cuenta cuyo crédito se reembolsa, o (sin cuenta) el código de ingreso al que se carga el reembolso.</translation>
    </message>
    <message>
        <source>Type who receives the cash.</source>
        <translation>Escriba quién recibe el efectivo.</translation>
    </message>
    <message>
        <source>Give the reason for the paid-out (for example: refund of an overpayment).</source>
        <translation>Indique el motivo del pago (por ejemplo: reembolso de un pago de más).</translation>
    </message>
    <message>
        <source>Not paid out: a supervisor did not approve it.</source>
        <translation>No pagado: un supervisor no lo aprobó.</translation>
    </message>
    <message>
        <source>the paid-out</source>
        <translation>el pago de caja</translation>
    </message>
    <message>
        <source>X report — drawer {drawer_id}</source>
        <translation>Informe X — cajón {drawer_id}</translation>
    </message>
    <message>
        <source>The drawer&apos;s totals so far; nothing is closed. Alt+P prints it; Esc closes.</source>
        <translation>Los totales del cajón hasta ahora; no se cierra nada. Alt+P lo imprime; Esc cierra.</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Imprimir</translation>
    </message>
    <message>
        <source>The X report could not be printed ({exc}).</source>
        <translation>No se pudo imprimir el informe X ({exc}).</translation>
    </message>
    <message>
        <source>The X report is on its way to the printer.</source>
        <translation>El informe X va camino de la impresora.</translation>
    </message>
</context>
<context>
    <name>shutoff</name>
    <message>
        <source>see the shut-off list</source>
        <translation>ver la lista de cortes</translation>
    </message>
    <message>
        <source>commit the shut-off list</source>
        <translation>confirmar la lista de cortes</translation>
    </message>
    <message>
        <source>{on} has passed: run the shut-off list for today or later.</source>
        <translation>{on} ya pasó: genere la lista de cortes para hoy o más adelante.</translation>
    </message>
    <message>
        <source>No account is on the shut-off list for {on}: nothing was done.</source>
        <translation>Ninguna cuenta está en la lista de cortes del {on}: no se hizo nada.</translation>
    </message>
    <message>
        <source>The shut-off list for {on} was already committed at another window of the office: {listed}. Nothing was changed.</source>
        <translation>La lista de cortes del {on} ya se confirmó en otra ventanilla de la oficina: {listed}. No se cambió nada.</translation>
    </message>
    <message>
        <source>The shut-off list for {on} was already committed at another window of the office: {station} (by {user}, {when}). Nothing was changed.</source>
        <translation>La lista de cortes del {on} ya se confirmó en otra ventanilla de la oficina: {station} (por {user}, {when}). No se cambió nada.</translation>
    </message>
    <message>
        <source>Committing the shut-off list</source>
        <translation>Confirmar la lista de cortes</translation>
    </message>
    <message>
        <source>hold an account&apos;s shut-off</source>
        <translation>suspender el corte de una cuenta</translation>
    </message>
    <message>
        <source>The hold ends before it starts: check the dates.</source>
        <translation>La suspensión termina antes de empezar: revise las fechas.</translation>
    </message>
    <message>
        <source>No utility account {account}. Check the number.</source>
        <translation>No hay cuenta de servicios públicos {account}. Revise el número.</translation>
    </message>
    <message>
        <source>hold shut-offs for a day</source>
        <translation>suspender los cortes de un día</translation>
    </message>
    <message>
        <source>Say why shut-offs are held that day (for example: below freezing).</source>
        <translation>Indique por qué se suspenden los cortes ese día (por ejemplo: temperatura bajo cero).</translation>
    </message>
    <message>
        <source>Shut-offs are already held on {on}.</source>
        <translation>Los cortes ya están suspendidos el {on}.</translation>
    </message>
</context>
<context>
    <name>sign_in</name>
    <message>
        <source>cashdesk · Station {station}</source>
        <translation>cashdesk · Estación {station}</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Enter signs in. Your user id is yours alone: never share it or your password.</source>
        <translation>Intro inicia la sesión. Su usuario es solo suyo: no lo comparta nunca, ni su contraseña.</translation>
    </message>
    <message>
        <source> The database is {path}.</source>
        <translation> La base de datos es {path}.</translation>
    </message>
    <message>
        <source>Nobody can sign in yet: this database has no users. An administrator creates the first one at the workstation&apos;s command line with  {FIRST_ADMIN_COMMAND}  then signs in here.{where}</source>
        <translation>Aún nadie puede iniciar sesión: esta base de datos no tiene usuarios. Un administrador crea el primero en la línea de comandos del puesto con  {FIRST_ADMIN_COMMAND}  y luego inicia sesión aquí.{where}</translation>
    </message>
    <message>
        <source>Signing in failed ({exc}). Call your supervisor.</source>
        <translation>Falló el inicio de sesión ({exc}). Llame a su supervisor.</translation>
    </message>
    <message>
        <source>Station {station} is locked</source>
        <translation>La estación {station} está bloqueada</translation>
    </message>
    <message>
        <source>Type your password and press Enter to go on where you left off. A supervisor can unlock it with their own user id and password.</source>
        <translation>Escriba su contraseña y pulse Intro para seguir donde lo dejó. Un supervisor puede desbloquearla con su propio usuario y contraseña.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Locked for {operator_text}</source>
        <translation>Bloqueada para {operator_text}</translation>
    </message>
    <message>
        <source>It locked itself at {local:%I:%M %p} because nobody had used it for a while.</source>
        <translation>Se bloqueó sola a las {local:%I:%M %p} porque nadie la usaba desde hacía un rato.</translation>
    </message>
    <message>
        <source>Locked by hand at {local:%I:%M %p}.</source>
        <translation>Bloqueada a mano a las {local:%I:%M %p}.</translation>
    </message>
    <message>
        <source>Unlocking failed ({exc}). Call your supervisor.</source>
        <translation>Falló el desbloqueo ({exc}). Llame a su supervisor.</translation>
    </message>
</context>
<context>
    <name>simulate</name>
    <message>
        <source>Simulate from 1 to {MAX_DAYS} days at a time.</source>
        <translation>Simule de 1 a {MAX_DAYS} días a la vez.</translation>
    </message>
    <message>
        <source>Only {weekdays} weekdays lie between the last closed business day ({last:%Y-%m-%d}) and today: simulated days are always in the past. Simulate fewer days, or start from a new database.</source>
        <translation>Solo hay {weekdays} días hábiles entre el último día contable cerrado ({last:%Y-%m-%d}) y hoy: los días simulados siempre están en el pasado. Simule menos días o empiece con una base de datos nueva.</translation>
    </message>
    <message>
        <source>set up the simulated staff</source>
        <translation>configurar el personal simulado</translation>
    </message>
</context>
<context>
    <name>spec</name>
    <message>
        <source>No printer is set. Use {forms}.</source>
        <translation>No hay ninguna impresora configurada. Use {forms}.</translation>
    </message>
    <message>
        <source>{kind}: needs {what} after the colon</source>
        <translation>{kind}: necesita {what} después de los dos puntos</translation>
    </message>
    <message>
        <source>a host name or address</source>
        <translation>un nombre de equipo o una dirección</translation>
    </message>
    <message>
        <source>the vendor and product ids in hex, like 04b8:0202</source>
        <translation>los identificadores de fabricante y de producto en hexadecimal, como 04b8:0202</translation>
    </message>
    <message>
        <source>a serial device, like /dev/ttyS0 or COM1</source>
        <translation>un dispositivo serie, como /dev/ttyS0 o COM1</translation>
    </message>
    <message>
        <source>a path</source>
        <translation>una ruta</translation>
    </message>
    <message>
        <source>a CUPS queue name</source>
        <translation>el nombre de una cola de CUPS</translation>
    </message>
    <message>
        <source>a Windows printer name</source>
        <translation>el nombre de una impresora de Windows</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>una carpeta</translation>
    </message>
    <message>
        <source>&quot;{spec}&quot; is not a printer spec: {reason}. Use {forms}.</source>
        <translation>&quot;{spec}&quot; no es una especificación de impresora: {reason}. Use {forms}.</translation>
    </message>
    <message>
        <source>&quot;{spec}&quot; is not a printer spec. Use {forms}.</source>
        <translation>&quot;{spec}&quot; no es una especificación de impresora. Use {forms}.</translation>
    </message>
    <message>
        <source>an IPv6 address goes in brackets, like [fd00::41]:9100</source>
        <translation>una dirección IPv6 va entre corchetes, como [fd00::41]:9100</translation>
    </message>
    <message>
        <source>the address in brackets is not an IPv6 address</source>
        <translation>la dirección entre corchetes no es una dirección IPv6</translation>
    </message>
    <message>
        <source>&quot;{host}&quot; is not a host name or address</source>
        <translation>&quot;{host}&quot; no es un nombre de equipo ni una dirección</translation>
    </message>
    <message>
        <source>the port must be a number from 1 to 65535</source>
        <translation>el puerto debe ser un número de 1 a 65535</translation>
    </message>
    <message>
        <source>usb: needs the vendor and product ids in hex, like usb:04b8:0202</source>
        <translation>usb: necesita los identificadores de fabricante y de producto en hexadecimal, como usb:04b8:0202</translation>
    </message>
    <message>
        <source>a USB vendor or product id is never 0000</source>
        <translation>un identificador USB de fabricante o de producto nunca es 0000</translation>
    </message>
    <message>
        <source>the baud rate must be one of {rates}</source>
        <translation>la velocidad en baudios debe ser una de {rates}</translation>
    </message>
    <message>
        <source>serial: needs a device, like /dev/ttyS0 or COM1</source>
        <translation>serial: necesita un dispositivo, como /dev/ttyS0 o COM1</translation>
    </message>
    <message>
        <source>the USB printer {ids}</source>
        <translation>la impresora USB {ids}</translation>
    </message>
    <message>
        <source>the serial printer on {device}</source>
        <translation>la impresora serie en {device}</translation>
    </message>
    <message>
        <source>the printer &quot;{name}&quot;</source>
        <translation>la impresora «{name}»</translation>
    </message>
</context>
<context>
    <name>statement</name>
    <message>
        <source>Account statement</source>
        <translation>Estado de cuenta</translation>
    </message>
    <message>
        <source>Bills, payments, fees and adjustments between the two days, with the running balance, saved as a PDF in the reports folder.</source>
        <translation>Facturas, pagos, cargos y ajustes entre los dos días, con el saldo acumulado, guardados como PDF en la carpeta de informes.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Cuenta:</translation>
    </message>
    <message>
        <source>The account number on the bill</source>
        <translation>El número de cuenta de la factura</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>Type the account number (it is on the bill, top right).</source>
        <translation>Escriba el número de cuenta (está en la factura, arriba a la derecha).</translation>
    </message>
    <message>
        <source>saving the statement</source>
        <translation>guardar el estado de cuenta</translation>
    </message>
    <message>
        <source>The statement of account {account} ({lines} entries, balance {closing} on {date_text}) is saved: {saved_to}</source>
        <translation>El estado de la cuenta {account} ({lines} movimientos, saldo {closing} al {date_text}) está guardado: {saved_to}</translation>
    </message>
    <message>
        <source>print account statements</source>
        <translation>imprimir estados de cuenta</translation>
    </message>
    <message>
        <source>There is no account {account!r}. Check the number on the bill.</source>
        <translation>No existe la cuenta {account!r}. Revise el número en la factura.</translation>
    </message>
    <message>
        <source>The reports folder {folder} could not be made: {strerror}.</source>
        <translation>No se pudo crear la carpeta de informes {folder}: {strerror}.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist. Make it first, or name another with --out.</source>
        <translation>La carpeta {folder} no existe. Créela primero o indique otra con --out.</translation>
    </message>
    <message>
        <source>The statement could not be written to {folder}: {strerror}.</source>
        <translation>No se pudo escribir el estado de cuenta en {folder}: {strerror}.</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Paper low</source>
        <translation>Poco papel</translation>
    </message>
    <message>
        <source>Out of paper</source>
        <translation>Sin papel</translation>
    </message>
    <message>
        <source>Cover open</source>
        <translation>Tapa abierta</translation>
    </message>
    <message>
        <source>Printer error</source>
        <translation>Error de impresora</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Not answering</source>
        <translation>No responde</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>Sin impresora</translation>
    </message>
    <message>
        <source>Status unknown</source>
        <translation>Estado desconocido</translation>
    </message>
    <message>
        <source>PDF folder</source>
        <translation>Carpeta de PDF</translation>
    </message>
    <message>
        <source>no answer to DLE EOT 1</source>
        <translation>sin respuesta a DLE EOT 1</translation>
    </message>
</context>
<context>
    <name>supplies</name>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Existencias</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <source>Daily use</source>
        <translation>Uso diario</translation>
    </message>
    <message>
        <source>Reorder</source>
        <translation>Reponer</translation>
    </message>
    <message>
        <source>How many received?</source>
        <translation>¿Cuántos se recibieron?</translation>
    </message>
    <message>
        <source>How many issued?</source>
        <translation>¿Cuántos se entregaron?</translation>
    </message>
    <message>
        <source>How many did the count find?</source>
        <translation>¿Cuántos encontró el conteo?</translation>
    </message>
    <message>
        <source>How many damaged?</source>
        <translation>¿Cuántos dañados?</translation>
    </message>
    <message>
        <source>Supplies and forms</source>
        <translation>Suministros y formularios</translation>
    </message>
    <message>
        <source>↑/↓ choose an item. F5 received, F6 issued (a paper roll: into this station&apos;s printer), F7 counted, F8 damaged; type how many, Enter. Ctrl+S saves the count sheet. Esc closes.</source>
        <translation>↑/↓ eligen un artículo. F5 recibido, F6 entregado (un rollo de papel: a la impresora de esta estación), F7 contado, F8 dañado; escriba cuántos, Intro. Ctrl+S guarda la hoja de conteo. Esc cierra.</translation>
    </message>
    <message>
        <source>There are no supplies yet: add them with `cashdesk supplies add`.</source>
        <translation>Aún no hay suministros: añádalos con `cashdesk supplies add`.</translation>
    </message>
    <message>
        <source>Type how many as a whole number, like 12.</source>
        <translation>Escriba cuántos como número entero, como 12.</translation>
    </message>
    <message>
        <source>The count sheet is saved: {path}</source>
        <translation>La hoja de conteo está guardada: {path}</translation>
    </message>
    <message>
        <source>{item}: counted {on_hand} (a difference of {quantity:+d}); on hand {on_hand}.</source>
        <translation>{item}: se contaron {on_hand} (una diferencia de {quantity:+d}); existencias {on_hand}.</translation>
    </message>
    <message>
        <source>{item}: received {moved}; on hand {on_hand}.</source>
        <translation>{item}: se recibieron {moved}; existencias {on_hand}.</translation>
    </message>
    <message>
        <source>{item}: issued {moved}; on hand {on_hand}.</source>
        <translation>{item}: se entregaron {moved}; existencias {on_hand}.</translation>
    </message>
    <message>
        <source>{item}: damaged {moved}; on hand {on_hand}.</source>
        <translation>{item}: dañados {moved}; existencias {on_hand}.</translation>
    </message>
    <message>
        <source>{text!r} is not an item code: letters, digits and dashes, like PAPER-ROLL.</source>
        <translation>{text!r} no es un código de artículo: letras, dígitos y guiones, como PAPER-ROLL.</translation>
    </message>
    <message>
        <source>keep the supplies</source>
        <translation>llevar los suministros</translation>
    </message>
    <message>
        <source>Give the item a name, like Receipt paper roll 80 mm.</source>
        <translation>Dele un nombre al artículo, como Rollo de papel para recibos 80 mm.</translation>
    </message>
    <message>
        <source>Minimum, maximum and lead days are 0 or more, and the maximum is at least the minimum.</source>
        <translation>El mínimo, el máximo y los días de entrega son 0 o más, y el máximo es al menos el mínimo.</translation>
    </message>
    <message>
        <source>There is an item {code} already.</source>
        <translation>Ya existe un artículo {code}.</translation>
    </message>
    <message>
        <source>A quantity is a whole number from 0 to {MAX_QUANTITY:,}.</source>
        <translation>Una cantidad es un número entero de 0 a {MAX_QUANTITY:,}.</translation>
    </message>
    <message>
        <source>There is no item {code}: `cashdesk supplies list` shows them.</source>
        <translation>No existe el artículo {code}: `cashdesk supplies list` los muestra.</translation>
    </message>
    <message>
        <source>{code}: {exc}. Nothing was changed.</source>
        <translation>{code}: {exc}. No se cambió nada.</translation>
    </message>
    <message>
        <source>see the supplies</source>
        <translation>ver los suministros</translation>
    </message>
    <message>
        <source>Could not save the count sheet in {folder}: {strerror}.</source>
        <translation>No se pudo guardar la hoja de conteo en {folder}: {strerror}.</translation>
    </message>
    <message>
        <source>The receipt paper roll at {station} is nearly used up (about {left}% left): put in a new roll soon and issue it here (supplies issue {paper_item} 1).</source>
        <translation>El rollo de papel de recibos de {station} está casi agotado (queda alrededor del {left}%): ponga un rollo nuevo pronto y regístrelo aquí como entregado (supplies issue {paper_item} 1).</translation>
    </message>
</context>
<context>
    <name>tax_filings</name>
    <message>
        <source>no month {month}</source>
        <translation>no existe el mes {month}</translation>
    </message>
</context>
<context>
    <name>tax_periods</name>
    <message>
        <source>&quot;{text}&quot; is not a month. Type a period like 2026-09.</source>
        <translation>&quot;{text}&quot; no es un mes. Escriba un periodo como 2026-09.</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a filing period. Type a month (2026-09), a quarter (2026-Q3) or a year (2026).</source>
        <translation>&quot;{text}&quot; no es un periodo de declaración. Escriba un mes (2026-09), un trimestre (2026-Q3) o un año (2026).</translation>
    </message>
    <message>
        <source>{year} is not a year a return can be for.</source>
        <translation>{year} no es un año para el que pueda haber una declaración.</translation>
    </message>
</context>
<context>
    <name>tax_return</name>
    <message>
        <source>Sales and use tax return</source>
        <translation>Declaración de impuesto sobre ventas y uso</translation>
    </message>
    <message>
        <source>Type the account, the period (2026-09, 2026-Q3 or 2026) and the day the return was received, then each figure as the business wrote it (leave a line empty when the business left it empty). The return&apos;s own arithmetic shows beside each line. Enter moves on; the last Enter or {FILE_KEY} files the return after showing the differences. Esc closes.</source>
        <translation>Escriba la cuenta, el periodo (2026-09, 2026-Q3 o 2026) y el día en que se recibió la declaración, luego cada cifra tal como la escribió el negocio (deje una línea vacía si el negocio la dejó vacía). El cálculo propio de la declaración aparece junto a cada línea. Intro avanza; el último Intro o {FILE_KEY} presenta la declaración después de mostrar las diferencias. Esc cierra.</translation>
    </message>
    <message>
        <source>The sales tax account number</source>
        <translation>El número de cuenta del impuesto sobre ventas</translation>
    </message>
    <message>
        <source>2026-09, 2026-Q3 or 2026</source>
        <translation>2026-09, 2026-Q3 o 2026</translation>
    </message>
    <message>
        <source>This return &amp;amends one already filed</source>
        <translation>Esta declaración &amp;corrige una ya presentada</translation>
    </message>
    <message>
        <source>A&amp;ccount:</source>
        <translation>C&amp;uenta:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <source>&amp;Received on:</source>
        <translation>&amp;Recibida el:</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Written by the business</source>
        <translation>Escrito por el negocio</translation>
    </message>
    <message>
        <source>Computed</source>
        <translation>Calculado</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>as written</source>
        <translation>según lo escrito</translation>
    </message>
    <message>
        <source>&amp;File the return ({FILE_KEY})</source>
        <translation>&amp;Presentar la declaración ({FILE_KEY})</translation>
    </message>
    <message>
        <source>Line {number}, {label}: {exc}</source>
        <translation>Línea {number}, {label}: {exc}</translation>
    </message>
    <message>
        <source>Type the account and the period.</source>
        <translation>Escriba la cuenta y el periodo.</translation>
    </message>
    <message>
        <source>Difference due {due_now}.</source>
        <translation>Diferencia a pagar {due_now}.</translation>
    </message>
    <message>
        <source>Credit {Money}.</source>
        <translation>Crédito {Money}.</translation>
    </message>
    <message>
        <source>Amended return {label} for {account_name}. {due}</source>
        <translation>Declaración complementaria {label} de {account_name}. {due}</translation>
    </message>
    <message>
        <source>{months_late} month{value2}</source>
        <translation>{months_late} mes(es)</translation>
    </message>
    <message>
        <source> Received {months} late (due {due_on}).</source>
        <translation> Recibida con {months} de retraso (vencía el {due_on}).</translation>
    </message>
    <message>
        <source> Due {due_on}.</source>
        <translation> Vence el {due_on}.</translation>
    </message>
    <message>
        <source>{kind} {label} for {account_name}.{late} Total due {total_due}.</source>
        <translation>{kind} {label} de {account_name}.{late} Total a pagar {total_due}.</translation>
    </message>
    <message>
        <source>wrote {Money} {value3}</source>
        <translation>escribió {Money} {value3}</translation>
    </message>
    <message>
        <source>The business&apos;s figures differ from the return&apos;s arithmetic:
</source>
        <translation>Las cifras del negocio no coinciden con el cálculo de la declaración:
</translation>
    </message>
    <message>
        <source>The business&apos;s figures differ on {differences} line{value3}. File the return with the computed figures?</source>
        <translation>Las cifras del negocio difieren en {differences} línea(s). ¿Presentar la declaración con las cifras calculadas?</translation>
    </message>
    <message>
        <source>Every figure the business wrote agrees with the return. File it?</source>
        <translation>Todas las cifras que escribió el negocio coinciden con la declaración. ¿Presentarla?</translation>
    </message>
    <message>
        <source>File the tax return</source>
        <translation>Presentar la declaración</translation>
    </message>
    <message>
        <source>Not filed. Correct the figures, or file when ready.</source>
        <translation>No presentada. Corrija las cifras, o preséntela cuando esté lista.</translation>
    </message>
    <message>
        <source>The return could not be filed ({exc}). Nothing was saved; try again or call your supervisor.</source>
        <translation>No se pudo presentar la declaración ({exc}). No se guardó nada; inténtelo otra vez o llame a su supervisor.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Filed: {kind} return {label} for {account} {account_name}.</source>
        <translation>Presentada: declaración {kind} {label} de {account} {account_name}.</translation>
    </message>
    <message>
        <source>Added </source>
        <translation>Añadido </translation>
    </message>
    <message>
        <source>Lowered </source>
        <translation>Reducido </translation>
    </message>
    <message>
        <source>Credit on the account {credit}.</source>
        <translation>Crédito en la cuenta {credit}.</translation>
    </message>
    <message>
        <source>The account now owes {account_owes}: take the payment at the counter.</source>
        <translation>La cuenta debe ahora {account_owes}: cobre el pago en el mostrador.</translation>
    </message>
    <message>
        <source>The account has a credit of {Money}.</source>
        <translation>La cuenta tiene un crédito de {Money}.</translation>
    </message>
    <message>
        <source>The account owes nothing.</source>
        <translation>La cuenta no debe nada.</translation>
    </message>
    <message>
        <source>Delinquent filers</source>
        <translation>Declarantes morosos</translation>
    </message>
    <message>
        <source>Delinquent filers as of {date_text}</source>
        <translation>Declarantes morosos al {date_text}</translation>
    </message>
    <message>
        <source>The delinquent filers could not be listed ({exc}). Call your supervisor.</source>
        <translation>No se pudieron listar los declarantes morosos ({exc}). Llame a su supervisor.</translation>
    </message>
    <message>
        <source>{filers} account{value2} with {periods} return{value6} due and not received.</source>
        <translation>Cuentas: {filers}, con declaraciones vencidas y no recibidas: {periods}.</translation>
    </message>
    <message>
        <source>Every active sales tax account has filed its returns.</source>
        <translation>Todas las cuentas activas del impuesto sobre ventas han presentado sus declaraciones.</translation>
    </message>
    <message>
        <source>Sales for resale</source>
        <translation>Ventas para reventa</translation>
    </message>
    <message>
        <source>Deliveries outside the city</source>
        <translation>Entregas fuera de la ciudad</translation>
    </message>
    <message>
        <source>Bad debts charged off</source>
        <translation>Deudas incobrables canceladas</translation>
    </message>
    <message>
        <source>Trade-ins</source>
        <translation>Bienes recibidos como parte de pago</translation>
    </message>
    <message>
        <source>Sales to exempt organisations</source>
        <translation>Ventas a organizaciones exentas</translation>
    </message>
    <message>
        <source>Returned goods</source>
        <translation>Mercancía devuelta</translation>
    </message>
    <message>
        <source>Food for home consumption</source>
        <translation>Alimentos para consumo en el hogar</translation>
    </message>
    <message>
        <source>Prescription drugs</source>
        <translation>Medicamentos con receta</translation>
    </message>
    <message>
        <source>Other deductions</source>
        <translation>Otras deducciones</translation>
    </message>
    <message>
        <source>Gross sales and services</source>
        <translation>Ventas brutas y servicios</translation>
    </message>
    <message>
        <source>Bad debts collected</source>
        <translation>Deudas incobrables recuperadas</translation>
    </message>
    <message>
        <source>Total (gross sales + bad debts collected)</source>
        <translation>Total (ventas brutas + deudas incobrables recuperadas)</translation>
    </message>
    <message>
        <source>Total deductions</source>
        <translation>Total de deducciones</translation>
    </message>
    <message>
        <source>Net taxable sales</source>
        <translation>Ventas netas gravables</translation>
    </message>
    <message>
        <source>Sales tax</source>
        <translation>Impuesto sobre ventas</translation>
    </message>
    <message>
        <source>Excess tax collected</source>
        <translation>Impuesto cobrado en exceso</translation>
    </message>
    <message>
        <source>Vendor fee (less)</source>
        <translation>Comisión del vendedor (se resta)</translation>
    </message>
    <message>
        <source>Purchases subject to use tax</source>
        <translation>Compras sujetas al impuesto sobre el uso</translation>
    </message>
    <message>
        <source>Use tax</source>
        <translation>Impuesto sobre el uso</translation>
    </message>
    <message>
        <source>Net tax due</source>
        <translation>Impuesto neto adeudado</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>Multa</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Intereses</translation>
    </message>
    <message>
        <source>Total due</source>
        <translation>Total adeudado</translation>
    </message>
    <message>
        <source>Total due on the return amended</source>
        <translation>Total adeudado en la declaración enmendada</translation>
    </message>
    <message>
        <source>Difference due (a credit when negative)</source>
        <translation>Diferencia adeudada (un crédito si es negativa)</translation>
    </message>
    <message>
        <source>Line {number}, {label}: the business wrote {written}, the return works out to {computed} ({by} more).</source>
        <translation>Línea {number}, {label}: el negocio escribió {written}, la declaración da {computed} ({by} más).</translation>
    </message>
    <message>
        <source>Line {number}, {label}: the business wrote {written}, the return works out to {computed} ({by} less).</source>
        <translation>Línea {number}, {label}: el negocio escribió {written}, la declaración da {computed} ({by} menos).</translation>
    </message>
    <message>
        <source>{name} cannot be negative. Type it as the business wrote it, without a minus.</source>
        <translation>{name} no puede ser negativo. Escríbalo como lo escribió el negocio, sin signo menos.</translation>
    </message>
    <message>
        <source>{name} is more than the largest amount cashdesk takes ({largest}). Check the figure the business wrote.</source>
        <translation>{name} es más que el mayor importe que acepta cashdesk ({largest}). Revise la cifra que escribió el negocio.</translation>
    </message>
    <message>
        <source>The deductions ({total_deductions}) are more than gross sales plus bad debts collected ({total_sales}). Check the figures the business wrote; net taxable sales cannot be below $0.00.</source>
        <translation>Las deducciones ({total_deductions}) son más que las ventas brutas más las deudas incobrables recuperadas ({total_sales}). Revise las cifras que escribió el negocio; las ventas netas gravables no pueden ser menores que $0.00.</translation>
    </message>
    <message>
        <source>An amended return is for the same period as the return it amends ({period_label}).</source>
        <translation>Una declaración enmendada es del mismo periodo que la declaración que enmienda ({period_label}).</translation>
    </message>
    <message>
        <source>An amended return cannot be filed before the return it amends ({filed_on:%m/%d/%Y}).</source>
        <translation>Una declaración enmendada no se puede presentar antes que la declaración que enmienda ({filed_on:%m/%d/%Y}).</translation>
    </message>
</context>
<context>
    <name>tax_returns</name>
    <message>
        <source>An amended return for {period}; the original was filed on {filed_on:%m/%d/%Y} (in the account&apos;s history from billing: {description}). It owes the difference from the return it amends.</source>
        <translation>Una declaración enmendada del periodo {period}; la original se presentó el {filed_on:%m/%d/%Y} (en el historial de la cuenta que viene de facturación: {description}). Debe la diferencia con la declaración que enmienda.</translation>
    </message>
    <message>
        <source>An amended return for {period}; the original was filed on {filed_on:%m/%d/%Y} (at the window). It owes the difference from the return it amends.</source>
        <translation>Una declaración enmendada del periodo {period}; la original se presentó el {filed_on:%m/%d/%Y} (en la ventanilla). Debe la diferencia con la declaración que enmienda.</translation>
    </message>
    <message>
        <source>Type the sales tax account number from the return.</source>
        <translation>Escriba el número de cuenta del impuesto sobre las ventas que figura en la declaración.</translation>
    </message>
    <message>
        <source>No account {account}. Check the number on the return.</source>
        <translation>No hay cuenta {account}. Revise el número en la declaración.</translation>
    </message>
    <message>
        <source>Account {number} ({row_name}) is a utility account. A tax return is filed on the business&apos;s sales tax account.</source>
        <translation>La cuenta {number} ({row_name}) es una cuenta de servicios públicos. Una declaración se presenta en la cuenta del impuesto sobre las ventas del negocio.</translation>
    </message>
    <message>
        <source>a month like 2026-09</source>
        <translation>un mes como 2026-09</translation>
    </message>
    <message>
        <source>a quarter like 2026-Q3</source>
        <translation>un trimestre como 2026-Q3</translation>
    </message>
    <message>
        <source>a year like 2026</source>
        <translation>un año como 2026</translation>
    </message>
    <message>
        <source>Account {number} files {filing_frequency}: type {example}, not {filing_label}.</source>
        <translation>La cuenta {number} declara {filing_frequency}: escriba {example}, no {filing_label}.</translation>
    </message>
    <message>
        <source>The return cannot be received on {filed:%m/%d/%Y}, a day still to come.</source>
        <translation>La declaración no se puede recibir el {filed:%m/%d/%Y}, un día que aún no llega.</translation>
    </message>
    <message>
        <source>A return for {filing_label} cannot be received before the period starts ({start:%m/%d/%Y}). Check the date received.</source>
        <translation>Una declaración de {filing_label} no se puede recibir antes de que empiece el periodo ({start:%m/%d/%Y}). Revise la fecha de recepción.</translation>
    </message>
    <message>
        <source>Account {number} has no return for {filing_label} to amend. File it as an original return.</source>
        <translation>La cuenta {number} no tiene declaración de {filing_label} que enmendar. Preséntela como declaración original.</translation>
    </message>
    <message>
        <source>Account {number}&apos;s returns for {filing_label} cannot be read. Call your supervisor; nothing was filed.</source>
        <translation>No se pueden leer las declaraciones de {filing_label} de la cuenta {number}. Llame a su supervisor; no se presentó nada.</translation>
    </message>
    <message>
        <source>A return is original, amended or zero, not &quot;{kind}&quot;.</source>
        <translation>Una declaración es original, enmendada o en cero, no &quot;{kind}&quot;.</translation>
    </message>
    <message>
        <source>A zero return reports no sales and no purchases. Clear the figures, or file it as an original return.</source>
        <translation>Una declaración en cero no reporta ventas ni compras. Borre las cifras o preséntela como declaración original.</translation>
    </message>
    <message>
        <source>The return has no such line: {line}.</source>
        <translation>La declaración no tiene esa línea: {line}.</translation>
    </message>
    <message>
        <source>file tax returns</source>
        <translation>presentar declaraciones de impuestos</translation>
    </message>
    <message>
        <source>list delinquent filers</source>
        <translation>listar a los contribuyentes morosos</translation>
    </message>
</context>
<context>
    <name>tender_entry</name>
    <message>
        <source>Cash (F5)</source>
        <translation>Efectivo (F5)</translation>
    </message>
    <message>
        <source>Check (F6)</source>
        <translation>Cheque (F6)</translation>
    </message>
    <message>
        <source>Card (F7) — from the card terminal&apos;s slip</source>
        <translation>Tarjeta (F7) — del comprobante de la terminal</translation>
    </message>
    <message>
        <source>Money order (F8)</source>
        <translation>Giro postal (F8)</translation>
    </message>
    <message>
        <source>Choose: V, M, A, Di, De</source>
        <translation>Elija: V, M, A, Di, De</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Importe:</translation>
    </message>
    <message>
        <source>Check &amp;number:</source>
        <translation>&amp;Número de cheque:</translation>
    </message>
    <message>
        <source>&amp;Brand:</source>
        <translation>&amp;Marca:</translation>
    </message>
    <message>
        <source>&amp;Last four digits:</source>
        <translation>Ú&amp;ltimos cuatro dígitos:</translation>
    </message>
    <message>
        <source>Approval co&amp;de:</source>
        <translation>Código de apro&amp;bación:</translation>
    </message>
    <message>
        <source>S&amp;erial number:</source>
        <translation>Número de s&amp;erie:</translation>
    </message>
    <message>
        <source>Run the check through the reader, or type the check number.</source>
        <translation>Pase el cheque por el lector, o escriba el número del cheque.</translation>
    </message>
    <message>
        <source>Type the cash handed over (or keep the amount due). F12 takes it and posts; Enter applies it. Esc cancels.</source>
        <translation>Escriba el efectivo entregado (o deje el importe adeudado). F12 lo toma y registra; Intro lo aplica. Esc cancela.</translation>
    </message>
    <message>
        <source>Enter goes to the check number; Enter there applies the check. Esc cancels.</source>
        <translation>Intro va al número de cheque; Intro allí aplica el cheque. Esc cancela.</translation>
    </message>
    <message>
        <source>Enter moves on: brand (type its first letter), last four digits, approval code; Enter on the code applies it. Never type the whole card number. Esc cancels.</source>
        <translation>Intro avanza: marca (escriba su primera letra), cuatro últimos dígitos, código de aprobación; Intro en el código la aplica. Nunca escriba el número completo de la tarjeta. Esc cancela.</translation>
    </message>
    <message>
        <source>Enter goes to the serial number; Enter there applies it. Esc cancels.</source>
        <translation>Intro va al número de serie; Intro allí lo aplica. Esc cancela.</translation>
    </message>
    <message>
        <source>Choose the card brand: type its first letter ({choices}).</source>
        <translation>Elija la marca de la tarjeta: escriba su primera letra ({choices}).</translation>
    </message>
    <message>
        <source>Read from the check: routing {routing}, account {account}, check {check_number}</source>
        <translation>Leído del cheque: ruta {routing}, cuenta {account}, cheque {check_number}</translation>
    </message>
    <message>
        <source>Misc item (F4): permit, licence, fine, copies</source>
        <translation>Concepto varios (F4): permiso, licencia, multa, copias</translation>
    </message>
    <message>
        <source>Type the first letters of the code</source>
        <translation>Escriba las primeras letras del código</translation>
    </message>
    <message>
        <source>Permit number, case number, what it is for</source>
        <translation>Número de permiso, número de caso, para qué es</translation>
    </message>
    <message>
        <source>Enter moves on: code, amount, memo; Enter on the memo adds it. Esc cancels.</source>
        <translation>Intro avanza: código, importe, nota; Intro en la nota lo añade. Esc cancela.</translation>
    </message>
    <message>
        <source>Revenue &amp;code:</source>
        <translation>&amp;Código de ingreso:</translation>
    </message>
    <message>
        <source>&amp;Memo:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Choose the revenue code: type its first letters (B for building permit).</source>
        <translation>Elija el código de ingreso: escriba sus primeras letras (B para permiso de construcción).</translation>
    </message>
</context>
<context>
    <name>tenders</name>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Cheque</translation>
    </message>
    <message>
        <source>Money order</source>
        <translation>Giro postal</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>A tender must be more than $0.00.</source>
        <translation>Un medio de pago debe ser mayor que $0.00.</translation>
    </message>
    <message>
        <source>Never type a card number. Take only the brand, last four digits and approval code.</source>
        <translation>Nunca escriba un número de tarjeta. Tome solo la marca, los últimos cuatro dígitos y el código de aprobación.</translation>
    </message>
    <message>
        <source>A check needs its check number (up to 10 digits).</source>
        <translation>Un cheque necesita su número de cheque (hasta 10 dígitos).</translation>
    </message>
    <message>
        <source>A money order needs its serial number.</source>
        <translation>Un giro postal necesita su número de serie.</translation>
    </message>
    <message>
        <source>Choose the card brand: {brands}.</source>
        <translation>Elija la marca de la tarjeta: {brands}.</translation>
    </message>
    <message>
        <source>Type the last four digits of the card, from the terminal&apos;s slip.</source>
        <translation>Escriba los últimos cuatro dígitos de la tarjeta, del comprobante de la terminal.</translation>
    </message>
    <message>
        <source>Type the approval (authorization) code from the card terminal.</source>
        <translation>Escriba el código de aprobación (autorización) de la terminal de tarjetas.</translation>
    </message>
    <message>
        <source>{brand} ****{last4} auth {reference}</source>
        <translation>{brand} ****{last4} autorización {reference}</translation>
    </message>
    <message>
        <source>Check #{reference}</source>
        <translation>Cheque n.º {reference}</translation>
    </message>
    <message>
        <source>Money order #{reference}</source>
        <translation>Giro postal n.º {reference}</translation>
    </message>
    <message>
        <source>There is nothing to pay.</source>
        <translation>No hay nada que pagar.</translation>
    </message>
    <message>
        <source>{amount} is still to be paid.</source>
        <translation>Falta por pagar {amount}.</translation>
    </message>
    <message>
        <source>Checks, money orders and cards cannot be for more than the total: change is given only from cash.</source>
        <translation>Los cheques, giros postales y tarjetas no pueden superar el total: el cambio solo se da del efectivo.</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>a control character (like a tab, a line break, NUL or ESC)</source>
        <translation>un carácter de control (como un tabulador, un salto de línea, NUL o ESC)</translation>
    </message>
    <message>
        <source>a broken character</source>
        <translation>un carácter dañado</translation>
    </message>
    <message>
        <source>a hidden right-to-left or left-to-right mark</source>
        <translation>una marca oculta de derecha a izquierda o de izquierda a derecha</translation>
    </message>
    <message>
        <source>a hidden byte-order mark</source>
        <translation>una marca oculta de orden de bytes</translation>
    </message>
    <message>
        <source>The {what} holds {found}, which cannot be printed or kept. Clear it and type it again.</source>
        <translation>En {what} hay {found}, que no se puede imprimir ni guardar. Bórrelo y escríbalo de nuevo.</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>Keep the {what} under {limit} characters.</source>
        <translation>Escriba {what} en menos de {limit} caracteres.</translation>
    </message>
    <message>
        <source>Never type a card number. Give the {what} in words.</source>
        <translation>Nunca escriba un número de tarjeta. Escriba {what} con palabras.</translation>
    </message>
</context>
<context>
    <name>tills</name>
    <message>
        <source>drawer {drawer_id} ({cashier})</source>
        <translation>cajón {drawer_id} ({cashier})</translation>
    </message>
    <message>
        <source>one till</source>
        <translation>una caja</translation>
    </message>
    <message>
        <source>{count} tills</source>
        <translation>{count} cajas</translation>
    </message>
    <message>
        <source>Station {station} has {has} and {named} is open in it already: two cashiers&apos; drawers never share a till, or neither would balance. Close that drawer first (its cashier balances it, Ctrl+Shift+B), or ask a supervisor to set the station up for a second till (station.tills).</source>
        <translation>La estación {station} tiene {has} y {named} ya está abierto en ella: los cajones de dos cajeros nunca comparten una caja, o ninguno cuadraría. Cierre primero ese cajón (su cajero lo cuadra, Ctrl+Shift+B), o pida a un supervisor que configure la estación para una segunda caja (station.tills).</translation>
    </message>
</context>
<context>
    <name>unit_of_work</name>
    <message>
        <source>The database is busy: another program on this station is writing to it ({holder}) and did not finish within {seconds:g} seconds. This was not saved, and nothing was written (no payment was taken): try again in a moment.</source>
        <translation>La base de datos está ocupada: otro programa de esta estación está escribiendo en ella ({holder}) y no terminó en {seconds:g} segundos. Esto no se guardó y no se escribió nada (no se tomó ningún pago): inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>an import or a backup?</source>
        <translation>¿una importación o una copia de seguridad?</translation>
    </message>
    <message>
        <source>it is open in {programs}</source>
        <translation>está abierta en {programs}</translation>
    </message>
</context>
<context>
    <name>users</name>
    <message>
        <source>There is no role {role!r}; use one of: {roles}.</source>
        <translation>No existe el rol {role!r}; use uno de: {roles}.</translation>
    </message>
    <message>
        <source>There is no user {user_id!r}. See `cashdesk user list`.</source>
        <translation>No existe el usuario {user_id!r}. Vea `cashdesk user list`.</translation>
    </message>
    <message>
        <source>{user_id} is the last active administrator, so they cannot be {doing}. Add or enable another administrator first.</source>
        <translation>{user_id} es el último administrador activo, así que no se le puede {doing}. Agregue o active primero a otro administrador.</translation>
    </message>
    <message>
        <source>add users</source>
        <translation>agregar usuarios</translation>
    </message>
    <message>
        <source>name</source>
        <translation>el nombre</translation>
    </message>
    <message>
        <source>A name is at most {MAX_NAME} characters.</source>
        <translation>Un nombre tiene como máximo {MAX_NAME} caracteres.</translation>
    </message>
    <message>
        <source>There is already a user {user_id}.</source>
        <translation>Ya existe un usuario {user_id}.</translation>
    </message>
    <message>
        <source>see the list of users</source>
        <translation>ver la lista de usuarios</translation>
    </message>
    <message>
        <source>see other users</source>
        <translation>ver a otros usuarios</translation>
    </message>
    <message>
        <source>disable users</source>
        <translation>desactivar usuarios</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desactivar</translation>
    </message>
    <message>
        <source>enable users</source>
        <translation>activar usuarios</translation>
    </message>
    <message>
        <source>Reset their password to enable them</source>
        <translation>Restablezca su contraseña para activarlo</translation>
    </message>
    <message>
        <source>Reset their password first, then enable them</source>
        <translation>Restablezca primero su contraseña y luego actívelo</translation>
    </message>
    <message>
        <source>{user_id} has not signed in for more than {days} days. {then}: they choose a new one at their next sign-in.</source>
        <translation>{user_id} no ha iniciado sesión en más de {days} días. {then}: elegirá una nueva en su próximo inicio de sesión.</translation>
    </message>
    <message>
        <source>unlock users</source>
        <translation>desbloquear usuarios</translation>
    </message>
    <message>
        <source>reset passwords</source>
        <translation>restablecer contraseñas</translation>
    </message>
    <message>
        <source>change roles</source>
        <translation>cambiar roles</translation>
    </message>
    <message>
        <source>made {role}</source>
        <translation>cambiar a {role}</translation>
    </message>
</context>
<context>
    <name>void</name>
    <message>
        <source>Receipt {number}: {total}, taken by {cashier}</source>
        <translation>Recibo {number}: {total}, cobrado por {cashier}</translation>
    </message>
    <message>
        <source>; change {change}</source>
        <translation>; cambio {change}</translation>
    </message>
    <message>
        <source>Paid by {tenders}{change}</source>
        <translation>Pagado con {tenders}{change}</translation>
    </message>
    <message>
        <source>Void a receipt</source>
        <translation>Anular un recibo</translation>
    </message>
    <message>
        <source>The receipt keeps its number and is marked void; every payment on it is reversed and a void slip prints. A supervisor approves. Enter moves on; Esc cancels.</source>
        <translation>El recibo conserva su número y se marca como anulado; cada pago que contiene se revierte y se imprime un comprobante de anulación. Un supervisor lo aprueba. Intro avanza; Esc cancela.</translation>
    </message>
    <message>
        <source>For example: wrong account, keyed the wrong amount</source>
        <translation>Por ejemplo: cuenta equivocada, importe mal escrito</translation>
    </message>
    <message>
        <source>&amp;Receipt number:</source>
        <translation>Número de &amp;recibo:</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>Mo&amp;tivo:</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>&amp;Anular…</translation>
    </message>
    <message>
        <source>Type the receipt number (it is printed under the city&apos;s name, like W01-2026-000123).</source>
        <translation>Escriba el número de recibo (está impreso bajo el nombre de la ciudad, como W01-2026-000123).</translation>
    </message>
    <message>
        <source>Type the receipt number.</source>
        <translation>Escriba el número de recibo.</translation>
    </message>
    <message>
        <source>Give the reason for the void (for example: wrong account, keyed the wrong amount).</source>
        <translation>Indique el motivo de la anulación (por ejemplo: cuenta equivocada, importe mal escrito).</translation>
    </message>
    <message>
        <source>The receipt could not be looked up ({exc}). Call your supervisor.</source>
        <translation>No se pudo consultar el recibo ({exc}). Llame a su supervisor.</translation>
    </message>
    <message>
        <source>Not voided: a supervisor did not approve it.</source>
        <translation>No anulado: un supervisor no lo aprobó.</translation>
    </message>
    <message>
        <source>The void could not be recorded ({exc}). Call your supervisor.</source>
        <translation>No se pudo registrar la anulación ({exc}). Llame a su supervisor.</translation>
    </message>
</context>
<context>
    <name>voids</name>
    <message>
        <source>Receipt {number} was taken at window {station}: a receipt is voided at the window that took it, where its money is in the drawer and its number in the window&apos;s sequence. Void it at {station} (this window has only its own receipts, office or not).</source>
        <translation>El recibo {number} se tomó en la ventanilla {station}: un recibo se anula en la ventanilla que lo tomó, donde está su dinero en el cajón y su número en la secuencia de la ventanilla. Anúlelo en {station} (esta ventanilla solo tiene sus propios recibos, haya oficina o no).</translation>
    </message>
    <message>
        <source>There is no receipt {number}. Check the number on the receipt.</source>
        <translation>No existe el recibo {number}. Revise el número en el recibo.</translation>
    </message>
    <message>
        <source>void receipts</source>
        <translation>anular recibos</translation>
    </message>
    <message>
        <source>Receipt {number} is already void.</source>
        <translation>El recibo {number} ya está anulado.</translation>
    </message>
    <message>
        <source>Account {number} {name}</source>
        <translation>Cuenta {number} {name}</translation>
    </message>
    <message>
        <source>Give the reason for the void (for example: wrong account, keyed the wrong amount).</source>
        <translation>Indique el motivo de la anulación (por ejemplo: cuenta equivocada, importe mal escrito).</translation>
    </message>
    <message>
        <source>The credit this receipt left on account {number} has been used since; the receipt cannot be voided. A supervisor records a correction instead.</source>
        <translation>El crédito que este recibo dejó en la cuenta {number} ya se ha usado; el recibo no se puede anular. En su lugar, un supervisor registra una corrección.</translation>
    </message>
    <message>
        <source>Receipt {number} has a returned check recorded: the check&apos;s payment is off the bills already, so the receipt cannot be voided. A supervisor records a correction instead.</source>
        <translation>El recibo {number} tiene un cheque devuelto registrado: el pago del cheque ya se quitó de las facturas, así que el recibo no se puede anular. En su lugar, un supervisor registra una corrección.</translation>
    </message>
    <message>
        <source>Receipt {number} belongs to a drawer that is closed: it can no longer be voided. A supervisor records a refund or a correction instead.</source>
        <translation>El recibo {number} pertenece a un cajón que está cerrado: ya no se puede anular. En su lugar, un supervisor registra un reembolso o una corrección.</translation>
    </message>
</context>
<context>
    <name>window_banners</name>
    <message>
        <source>&amp;Retry printing (Ctrl+Shift+R)</source>
        <translation>&amp;Reintentar la impresión (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Dismiss (it printed)</source>
        <translation>Descartar (se imprimió)</translation>
    </message>
    <message>
        <source>Trying the printer again…</source>
        <translation>Probando otra vez la impresora…</translation>
    </message>
    <message>
        <source>Marked printed.</source>
        <translation>Marcado como impreso.</translation>
    </message>
    <message>
        <source>Printer: {status_label}</source>
        <translation>Impresora: {status_label}</translation>
    </message>
    <message>
        <source> {value1} more waiting for the printer.</source>
        <translation> {value1} más esperando a la impresora.</translation>
    </message>
    <message>
        <source>It was being sent when the program stopped or the printer stopped answering, so it may or may not be on paper. The payment is saved. Look in the printer: if it is not there, Retry prints it again; if it is, Dismiss.</source>
        <translation>Se estaba enviando cuando el programa se detuvo o la impresora dejó de responder, así que puede que esté impreso o no. El pago está guardado. Mire en la impresora: si no está, Reintentar lo imprime otra vez; si está, Descartar.</translation>
    </message>
    <message>
        <source>{why}The payments are saved; the receipts print when the printer is back. Fix the printer (power, cable, paper, cover), then Retry. Reprint a receipt for a customer who cannot wait.</source>
        <translation>{why}Los pagos están guardados; los recibos se imprimen cuando vuelva la impresora. Arregle la impresora (corriente, cable, papel, tapa) y luego Reintentar. Reimprima un recibo para un cliente que no pueda esperar.</translation>
    </message>
    <message>
        <source>The database could not be checked ({error}). Stop taking payments and call your supervisor: the database may need to be restored from the latest backup.</source>
        <translation>No se pudo comprobar la base de datos ({error}). Deje de cobrar y llame a su supervisor: puede que haya que restaurar la base de datos desde la última copia de seguridad.</translation>
    </message>
    <message>
        <source>The database failed its check</source>
        <translation>La base de datos no pasó su comprobación</translation>
    </message>
    <message>
        <source>Searching is off: the database failed its check.</source>
        <translation>La búsqueda está desactivada: la base de datos no pasó su comprobación.</translation>
    </message>
    <message>
        <source>No payments: the database failed its check. Call your supervisor.</source>
        <translation>Sin pagos: la base de datos no pasó su comprobación. Llame a su supervisor.</translation>
    </message>
</context>
<context>
    <name>window_dialogs</name>
    <message>
        <source>Finish this payment (F12) or cancel it (Esc in the search box) before opening the drawer without a sale.</source>
        <translation>Termine este pago (F12) o cancélelo (Esc en el cuadro de búsqueda) antes de abrir el cajón sin venta.</translation>
    </message>
    <message>
        <source>Your drawer could not be looked up ({exc}). Call your supervisor.</source>
        <translation>No se pudo consultar su cajón ({exc}). Llame a su supervisor.</translation>
    </message>
    <message>
        <source>No drawer open: count your float first (Ctrl+Shift+D), then the drawer can open.</source>
        <translation>Ningún cajón abierto: cuente primero su fondo (Ctrl+Shift+D); luego el cajón se puede abrir.</translation>
    </message>
    <message>
        <source>Drawer {drawer_id} is opening: no sale, approved by {approved_by}.</source>
        <translation>El cajón {drawer_id} se está abriendo: sin venta, aprobado por {approved_by}.</translation>
    </message>
    <message>
        <source>A PDF copy of the receipt is saved: {saved_to}</source>
        <translation>Se guardó una copia en PDF del recibo: {saved_to}</translation>
    </message>
    <message>
        <source>The {what} is not available in this version of cashdesk.</source>
        <translation>Esta versión de cashdesk no tiene {what}.</translation>
    </message>
    <message>
        <source>mail batch screen</source>
        <translation>la pantalla de lotes de correo</translation>
    </message>
    <message>
        <source>mail log</source>
        <translation>el registro de correo</translation>
    </message>
    <message>
        <source>service orders</source>
        <translation>las órdenes de servicio</translation>
    </message>
    <message>
        <source>payment arrangements</source>
        <translation>los convenios de pago</translation>
    </message>
    <message>
        <source>sales tax return</source>
        <translation>la declaración de impuesto sobre ventas</translation>
    </message>
    <message>
        <source>list of delinquent filers</source>
        <translation>la lista de declarantes morosos</translation>
    </message>
    <message>
        <source>supplies screen</source>
        <translation>la pantalla de suministros</translation>
    </message>
    <message>
        <source>Your new password is set.</source>
        <translation>Su contraseña nueva está puesta.</translation>
    </message>
    <message>
        <source>You need a password of your own before you can start. Sign in again to choose it.</source>
        <translation>Necesita una contraseña propia antes de empezar. Inicie sesión otra vez para elegirla.</translation>
    </message>
</context>
<context>
    <name>window_hints</name>
    <message>
        <source>F2 Find  ·  Enter Pay / Add  ·  F3 Payer  ·  F4 Misc  ·  F5 Cash  ·  F6 Check  ·  F7 Card  ·  F8 Money order  ·  F12 Post  ·  Esc Back</source>
        <translation>F2 Buscar  ·  Intro Pagar / Añadir  ·  F3 Pagador  ·  F4 Varios  ·  F5 Efectivo  ·  F6 Cheque  ·  F7 Tarjeta  ·  F8 Giro postal  ·  F12 Registrar  ·  Esc Atrás</translation>
    </message>
    <message>
        <source>F2 Find  ·  Enter Search  ·  ↓ Into the results  ·  ↑ ↓ Another account  ·  Esc Back to search</source>
        <translation>F2 Buscar  ·  Intro Buscar  ·  ↓ A los resultados  ·  ↑ ↓ Otra cuenta  ·  Esc Volver a la búsqueda</translation>
    </message>
    <message>
        <source>Type how many of each  ·  Enter / Tab Next row  ·  Enter on the button Opens the drawer  ·  Esc Not now</source>
        <translation>Escriba cuántos de cada uno  ·  Intro / Tab Fila siguiente  ·  Intro en el botón Abre el cajón  ·  Esc Ahora no</translation>
    </message>
    <message>
        <source>Ctrl+L Lock  ·  Ctrl+Shift+Q Sign out  ·  Ctrl+Shift+S PDF copy</source>
        <translation>Ctrl+L Bloquear  ·  Ctrl+Shift+Q Cerrar sesión  ·  Ctrl+Shift+S Copia PDF</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A Audit trail</source>
        <translation>Ctrl+Shift+A Registro de auditoría</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N Returned check</source>
        <translation>Ctrl+Shift+N Cheque devuelto</translation>
    </message>
    <message>
        <source>Type your user id, Enter, your password, Enter  ·  Tab Next field</source>
        <translation>Escriba su usuario, Intro, su contraseña, Intro  ·  Tab Campo siguiente</translation>
    </message>
    <message>
        <source>Type your password, Enter to unlock  ·  A supervisor&apos;s user id and password unlock it too</source>
        <translation>Escriba su contraseña, Intro para desbloquear  ·  El usuario y la contraseña de un supervisor también la desbloquean</translation>
    </message>
    <message>
        <source>cashdesk — {name} — Station {id}</source>
        <translation>cashdesk — {name} — Estación {id}</translation>
    </message>
    <message>
        <source>Signed in: {operator_text}</source>
        <translation>Sesión iniciada: {operator_text}</translation>
    </message>
    <message>
        <source>{title} — locked</source>
        <translation>{title} — bloqueada</translation>
    </message>
    <message>
        <source>Locked for {operator_text}</source>
        <translation>Bloqueada para {operator_text}</translation>
    </message>
    <message>
        <source>Nobody is signed in</source>
        <translation>Nadie ha iniciado sesión</translation>
    </message>
</context>
<context>
    <name>window_lock</name>
    <message>
        <source>Finish this payment (F12) or cancel it (Esc in the search box) before signing out.</source>
        <translation>Termine este pago (F12) o cancélelo (Esc en el cuadro de búsqueda) antes de cerrar la sesión.</translation>
    </message>
    <message>
        <source>{user_id} signed out.</source>
        <translation>{user_id} cerró la sesión.</translation>
    </message>
</context>
<context>
    <name>write_errors</name>
    <message>
        <source>The disk is full: this was not saved, and nothing was written. Free space on the disk (or call IT), then do it again: a payment can be posted again as it is.</source>
        <translation>El disco está lleno: esto no se guardó y no se escribió nada. Libere espacio en el disco (o llame a Informática) y vuelva a hacerlo: un pago se puede registrar de nuevo tal como está.</translation>
    </message>
    <message>
        <source>The database file could not be written (the disk refused the write: it may be full or failing): this was not saved, and nothing was written. Free space on the disk or call IT, then do it again.</source>
        <translation>No se pudo escribir el archivo de la base de datos (el disco rechazó la escritura: puede estar lleno o fallando): esto no se guardó y no se escribió nada. Libere espacio en el disco o llame a Informática y vuelva a hacerlo.</translation>
    </message>
    <message>
        <source>The database file is read-only: this was not saved, and nothing was written. Ask IT to make the file and its folder writable, or open another database, then do it again.</source>
        <translation>El archivo de la base de datos es de solo lectura: esto no se guardó y no se escribió nada. Pida a Informática que permita escribir en el archivo y su carpeta, o abra otra base de datos, y vuelva a hacerlo.</translation>
    </message>
    <message>
        <source>The office has closed this drawer&apos;s business day: no payment can be posted to it, and nothing was written. Balance this drawer (if it holds money of that day, call the office&apos;s supervisor first), then open a new one: it belongs to the next open day (docs/office.md).</source>
        <translation>La oficina ha cerrado el día contable de este cajón: no se le puede registrar ningún pago y no se escribió nada. Cuadre este cajón (si tiene dinero de ese día, llame antes al supervisor de la oficina) y luego abra uno nuevo: pertenecerá al siguiente día abierto (docs/office.md).</translation>
    </message>
</context>
<context>
    <name>z_report</name>
    <message>
        <source>There is no drawer {drawer_id}.</source>
        <translation>No existe el cajón {drawer_id}.</translation>
    </message>
    <message>
        <source>Drawer {drawer_id} is {cashier}&apos;s: only a supervisor may copy its Z report.</source>
        <translation>El cajón {drawer_id} es de {cashier}: solo un supervisor puede copiar su informe Z.</translation>
    </message>
    <message>
        <source>Drawer {drawer_id} is still open: its Z report comes when it is closed.</source>
        <translation>El cajón {drawer_id} sigue abierto: su informe Z llega cuando se cierre.</translation>
    </message>
    <message>
        <source>Could not save the Z report PDF in {where}: {strerror}.</source>
        <translation>No se pudo guardar el PDF del informe Z en {where}: {strerror}.</translation>
    </message>
    <message>
        <source>copy a Z report</source>
        <translation>copiar un informe Z</translation>
    </message>
</context>
</TS>
