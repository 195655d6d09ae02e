<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>app</name>
    <message>
        <source>cashdesk cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
